package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.followups.CallbackAnnounceJob;
import dk.hotline.privacy.RetentionJob;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/callbacks}: who asked to be called back, and what became of it. */
class CallbackApiTest {
    private static final String SURVIVOR = "+4529876543";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RETENTION_DAYS = 30;

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.now());
    private TestService service;

    @BeforeEach
    void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        service = TestService.start(twilio.baseUrl(), env -> {
            env.put("HOTLINE_OUTBOX_RATE", "1000");
            env.put("HOTLINE_AUTH_TOKEN_TTL", "P3650D");
            env.put("HOTLINE_RETENTION_DAYS", String.valueOf(RETENTION_DAYS));
            return env;
        }, clock);
    }

    @AfterEach
    void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void aHandledRequestWhoseNumberRetentionErasedIsListedAsNotStored() throws Exception {
        new TwilioSms(service, twilio).receive(SURVIVOR, "RING");
        String bearer = service.bearer();
        long id = list(bearer, "open").get(0).get("id").asLong();
        assertThat(service.api("POST", "/api/callbacks/" + id + "/done", bearer, null).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(RETENTION_DAYS + 1));
        service.runJob(RetentionJob.class);

        var all = list(bearer, "all");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("status").asText()).isEqualTo("done");
        assertThat(all.get(0).get("phone").asText()).isEqualTo("not stored");
    }

    @Test
    void aRequestMadeWhileNobodyWasOnCallIsToldToTheNextShiftAndOnlyItsLeaderSeesIt() throws Exception {
        var coordinator = new Coordinator(service);
        long maja = coordinator.leader("Maja");
        long emil = coordinator.leader("Emil");
        String majaToken = leaderToken("maja@example.org", maja);
        String emilToken = leaderToken("emil@example.org", emil);
        new TwilioSms(service, twilio).receive(SURVIVOR, "RING");
        var waiting = list(service.bearer(), "open").get(0);
        assertThat(waiting.get("toldLeaderIds")).as("nobody on call").isEmpty();
        assertThat(list(majaToken, "open")).isEmpty();

        coordinator.shift(maja, clock.instant().minus(Duration.ofMinutes(5)), clock.instant().plus(Duration.ofHours(2)));
        service.runJob(CallbackAnnounceJob.class);

        var told = list(majaToken, "open");
        assertThat(told).hasSize(1);
        assertThat(told.get(0).get("toldLeaderIds").get(0).asLong()).isEqualTo(maja);
        assertThat(told.get(0).get("lastCall").isNull()).isTrue();
        assertThat(list(emilToken, "all")).as("Emil was not told").isEmpty();
        long id = told.get(0).get("id").asLong();
        assertThat(service.api("POST", "/api/callbacks/" + id + "/done", emilToken, null).statusCode()).isEqualTo(403);
        assertThat(service.api("POST", "/api/callbacks/" + id + "/done", majaToken, null).statusCode()).isEqualTo(200);
    }

    private String leaderToken(String email, long leaderId) {
        String password = "a-long-enough-password";
        var created = service.api("POST", "/api/accounts", service.bearer(), "{\"email\":\"" + email + "\",\"password\":\""
                + password + "\",\"role\":\"leader\",\"leaderId\":" + leaderId + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var token = service.api("POST", "/api/tokens", TestService.basic(email, password), null);
        return "Bearer " + Json.text(Json.parse(token), "token");
    }

    private JsonNode list(String bearer, String status) throws Exception {
        var response = service.api("GET", "/api/callbacks?status=" + status, bearer, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
