package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/messages}: texts in and out of a window, numbers masked, never a word of what they said. */
class MessageApiTest {
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-06-01T08:00:00Z"));
    private static final String MAJA = "+4520000081";
    private static final String SURVIVOR = "+4535000071";
    private static final String OPTING_OUT = "+4535000072";
    private static final String INVALID = "+4535000079";
    /** 11:00 to 14:00 in Copenhagen (summer time): 09:00Z to 12:00Z. */
    private static final String WINDOW = "from=2027-06-01T11:00:00%2B02:00&to=2027-06-01T14:00:00%2B02:00";
    private static HotlineFixture hotline;
    private static TestService service;
    private static Coordinator coordinator;
    private static TwilioSms sms;
    private static String relayedSid;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        // Twilio refuses this number, and its error message repeats it.
        hotline.refusesTextsTo(INVALID);
        service = hotline.service();
        coordinator = hotline.coordinator();
        sms = hotline.sms();
        long maja = coordinator.leader("Maja", MAJA, List.of("da"));
        coordinator.shift(maja, Instant.parse("2027-06-01T09:00:00Z"), Instant.parse("2027-06-01T15:00:00Z"));

        at("2027-06-01T08:30:00Z");
        sms.receive(SURVIVOR, "HJÆLP");
        at("2027-06-01T10:00:00Z");
        relayedSid = sms.receive(SURVIVOR, "jeg har brug for at skrive med nogen");
        String tag = hotline.relayedTag(MAJA);
        at("2027-06-01T10:05:00Z");
        sms.receive(MAJA, tag + " Jeg er her, skriv bare");
        at("2027-06-01T10:10:00Z");
        sms.receive(OPTING_OUT, "STOP");
        at("2027-06-01T10:15:00Z");
        sms.receive(INVALID, "HJÆLP");
        at("2027-06-01T12:30:00Z");
        sms.receive(SURVIVOR, "tak for i dag");
        Await.until("every text in the window is settled", Duration.ofSeconds(10), () -> messages().stream()
                .noneMatch(m -> List.of("pending", "sending").contains(Json.text(m, "status"))));
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void listsTheTextsOfTheWindowOldestFirstWithMaskedNumbersAndWhatBecameOfThem() {
        var all = messages();

        assertThat(all).extracting(m -> Json.text(m, "direction"), m -> Json.text(m, "kind"),
                        m -> Json.text(m, "number"), m -> Json.text(m, "status"))
                .containsExactly(
                        tuple("in", "relay", "+45 •••• ••71", "forwarded"),
                        tuple("out", "relay-in", "+45 •••• ••81", "sent"),
                        tuple("in", "leader", "not stored", "received"),
                        tuple("out", "relay-out", "+45 •••• ••71", "sent"),
                        tuple("in", "other", "not stored", "received"),
                        tuple("out", "stop", "+45 •••• ••72", "sent"),
                        tuple("in", "other", "not stored", "received"),
                        tuple("out", "help", "+45 •••• ••79", "failed"));
        assertThat(Json.text(all.get(0), "id")).isEqualTo(relayedSid);
        assertThat(Json.text(all.get(0), "at")).isEqualTo("2027-06-01T12:00:00+02:00");
        assertThat(Json.text(all.get(1), "id")).matches("outbox-\\d+");
        assertThat(Json.text(all.get(3), "deliveryStatus")).isEqualTo("queued");
        assertThat(Json.number(all.get(7), "errorCode")).isEqualTo(21211);
    }

    @Test
    void showsNoWordOfAnyTextAndNoNumberInClear() {
        String body = coordinator.get("/api/messages?" + WINDOW);
        // Privacy: what was said, and the numbers in clear, appear nowhere in the answer, in any field.

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
        assertThat(Json.badRequestField(response)).isEqualTo(field);
    }

    private static List<JsonNode> messages() {
        return Json.elements(coordinator.get("/api/messages?" + WINDOW));
    }

    private static void at(String instant) {
        clock.set(Instant.parse(instant));
    }
}
