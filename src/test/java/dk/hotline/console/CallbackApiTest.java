package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.privacy.RetentionJob;
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

    private JsonNode list(String bearer, String status) throws Exception {
        var response = service.api("GET", "/api/callbacks?status=" + status, bearer, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
