package dk.hotline.console;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/messages}: texts in and out of a window, numbers masked, never a word of what they said. */
class MessageApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-06-01T08:00:00Z"));
    private static final String MAJA = "+4520000081";
    private static final String SURVIVOR = "+4535000071";
    private static final String OPTING_OUT = "+4535000072";
    private static final String INVALID = "+4535000079";
    /** 11:00 to 14:00 in Copenhagen (summer time): 09:00Z to 12:00Z. */
    private static final String WINDOW = "from=2027-06-01T11:00:00%2B02:00&to=2027-06-01T14:00:00%2B02:00";
    private static TestService service;
    private static Coordinator coordinator;
    private static TwilioSms sms;
    private static String relayedSid;

    @BeforeAll
    static void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        // Twilio refuses this number, and its error message repeats it.
        twilio.stubFor(post(urlPathMatching(".*/Messages\\.json")).withRequestBody(containing("To=%2B4535000079"))
                .atPriority(1).willReturn(TwilioStubs.json(400, "error-21211.json")));
        service = TestService.startWithClock(twilio.baseUrl(), clock);
        coordinator = new Coordinator(service);
        sms = new TwilioSms(service, twilio);
        long maja = coordinator.leader("Maja", MAJA, List.of("da"));
        coordinator.shift(maja, Instant.parse("2027-06-01T09:00:00Z"), Instant.parse("2027-06-01T15:00:00Z"));

        at("2027-06-01T08:30:00Z");
        sms.receive(SURVIVOR, "HJÆLP");
        at("2027-06-01T10:00:00Z");
        relayedSid = sms.receive(SURVIVOR, "jeg har brug for at skrive med nogen");
        Await.until("the text reaches Maja", Duration.ofSeconds(10), () -> !sms.sentTo(MAJA).isEmpty());
        String tag = sms.sentTo(MAJA).get(0).replaceFirst("^\\[(K\\d+)].*", "$1");
        at("2027-06-01T10:05:00Z");
        sms.receive(MAJA, tag + " Jeg er her, skriv bare");
        at("2027-06-01T10:10:00Z");
        sms.receive(OPTING_OUT, "STOP");
        at("2027-06-01T10:15:00Z");
        sms.receive(INVALID, "HJÆLP");
        at("2027-06-01T12:30:00Z");
        sms.receive(SURVIVOR, "tak for i dag");
        Await.until("every text in the window is settled", Duration.ofSeconds(10), () -> messages().stream()
                .noneMatch(m -> List.of("pending", "sending").contains(m.get("status").asText())));
    }

    @AfterAll
    static void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void listsTheTextsOfTheWindowOldestFirstWithMaskedNumbersAndWhatBecameOfThem() {
        var all = messages();

        assertThat(all).extracting(m -> m.get("direction").asText(), m -> m.get("kind").asText(),
                        m -> m.get("number").asText(), m -> m.get("status").asText())
                .containsExactly(
                        tuple("in", "relay", "+45 •••• ••71", "forwarded"),
                        tuple("out", "relay-in", "+45 •••• ••81", "sent"),
                        tuple("in", "leader", "not stored", "received"),
                        tuple("out", "relay-out", "+45 •••• ••71", "sent"),
                        tuple("in", "other", "not stored", "received"),
                        tuple("out", "stop", "+45 •••• ••72", "sent"),
                        tuple("in", "other", "not stored", "received"),
                        tuple("out", "help", "+45 •••• ••79", "failed"));
        assertThat(all.get(0).get("id").asText()).isEqualTo(relayedSid);
        assertThat(all.get(0).get("at").asText()).isEqualTo("2027-06-01T12:00:00+02:00");
        assertThat(all.get(1).get("id").asText()).matches("outbox-\\d+");
        assertThat(all.get(3).get("deliveryStatus").asText()).isEqualTo("queued");
        assertThat(all.get(7).get("errorCode").asInt()).isEqualTo(21211);
    }

    @Test
    void showsNoWordOfAnyTextAndNoNumberInClear() {
        String body = coordinator.get("/api/messages?" + WINDOW);

        assertThat(body).doesNotContain("brug for at skrive", "Jeg er her", "skriv bare", "STOP", "HJÆLP",
                service.text("da", "smsStopConfirm"), service.text("da", "smsHelp"));
        assertThat(body).doesNotContain("20000081", "35000071", "35000072", "35000079", "not a valid");
    }

    @Test
    void answersAClear400ForAMissingOrBadWindow() {
        String bearer = service.bearer();
        assertError(service.api("GET", "/api/messages?to=2027-06-01T14:00:00%2B02:00", bearer, null), "from");
        assertError(service.api("GET", "/api/messages?from=yesterday&to=2027-06-01T14:00:00%2B02:00", bearer, null), "from");
        assertError(service.api("GET", "/api/messages?from=2027-06-01T14:00:00%2B02:00&to=2027-06-01T11:00:00%2B02:00",
                bearer, null), "to");
        assertError(service.api("GET", "/api/messages?from=2027-01-01T00:00:00Z&to=2027-06-01T00:00:00Z", bearer, null), "to");
    }

    @Test
    void needsAToken() {
        assertThat(service.api("GET", "/api/messages?" + WINDOW, null, null).statusCode()).isEqualTo(401);
        assertThat(service.api("GET", "/api/messages?" + WINDOW, "Bearer not-a-token", null).statusCode()).isEqualTo(401);
    }

    private static void assertError(java.net.http.HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        var error = json(response.body());
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("error").asText()).isNotBlank();
    }

    private static List<JsonNode> messages() {
        var list = new ArrayList<JsonNode>();
        json(coordinator.get("/api/messages?" + WINDOW)).forEach(list::add);
        return list;
    }

    private static void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }
}
