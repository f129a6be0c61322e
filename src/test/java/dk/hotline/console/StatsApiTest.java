package dk.hotline.console;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/stats}: one day's calls, texts and reminders, played through the service, counted exactly. */
class StatsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-06-02T06:00:00Z"));
    private static final AtomicInteger SIDS = new AtomicInteger();
    private static final String MAJA = "+4520000091";
    /** 09:00 to 18:00 in Copenhagen (summer time): 07:00Z to 16:00Z. */
    private static final String WINDOW = "from=2027-06-02T09:00:00%2B02:00&to=2027-06-02T18:00:00%2B02:00";
    private static TestService service;
    private static Coordinator coordinator;
    private static TwilioSms sms;

    @BeforeAll
    static void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        twilio.stubFor(post(urlPathMatching(".*/Messages\\.json")).withRequestBody(containing("To=%2B4535000094"))
                .atPriority(1).willReturn(TwilioStubs.json(400, "error-21211.json")));
        service = TestService.startWithClock(twilio.baseUrl(), clock);
        coordinator = new Coordinator(service);
        sms = new TwilioSms(service, twilio);
        long maja = coordinator.leader("Maja", MAJA, List.of("da"));
        coordinator.shift(maja, Instant.parse("2027-06-02T08:00:00Z"), Instant.parse("2027-06-02T12:00:00Z"));
        // Sessions on Thursdays 17:00: the 24-hour reminder is due on Wednesday at 17:00 (15:00Z).
        long group = json(coordinator.post("/api/groups", "{\"name\":\"Torsdagsgruppen\",\"smsName\":\"Torsdagsholdet\","
                + "\"location\":\"Kbh\",\"leaderId\":" + maja + ",\"firstSession\":\"2027-06-03T17:00:00+02:00\","
                + "\"weeks\":1,\"durationMinutes\":120}").body()).get("id").asLong();
        long session = json(coordinator.get("/api/groups/" + group)).get("sessions").get(0).get("id").asLong();
        join(group, "Ida", "+4534000091");
        join(group, "Ole", "+4534000092");

        // Before the window: a call that ends in the menu, and a text answered.
        at("2027-06-02T06:30:00Z");
        newCall().arrive();
        sms.receive("+4535000090", "HJÆLP");

        at("2027-06-02T07:30:00Z");
        sms.receive("+4534000092", "STOP");
        answeredAfter("2027-06-02T08:00:00Z", 25);
        answeredAfter("2027-06-02T08:30:00Z", 40);
        at("2027-06-02T09:00:00Z");
        var menuOnly = newCall();
        menuOnly.arrive();
        menuOnly.hangUp(10);
        at("2027-06-02T09:30:00Z");
        sms.receive("+4535000093", "hej, er der nogen?");
        Await.until("the text reaches Maja", Duration.ofSeconds(10), () -> !sms.sentTo(MAJA).isEmpty());
        String tag = sms.sentTo(MAJA).get(0).replaceFirst("^\\[(K\\d+)].*", "$1");
        at("2027-06-02T09:35:00Z");
        sms.receive(MAJA, tag + " ja, jeg er her");
        at("2027-06-02T10:00:00Z");
        sms.receive("+4535000094", "HJÆLP");
        at("2027-06-02T13:00:00Z");
        var afterHours = newCall();
        afterHours.arrive();
        afterHours.press("1");
        afterHours.hangUp(30);
        at("2027-06-02T15:00:00Z");
        service.fireReminder(session, Duration.ofHours(24));
        // Sent before the clock moves on: a reminder still waiting when quiet hours begin is dropped.
        Await.until("Ida's reminder is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4534000091").size() == 1);

        // After the window: the 2-hour reminder and an answered call.
        at("2027-06-03T13:00:00Z");
        service.fireReminder(session, Duration.ofHours(2));
        Await.until("every text is settled", Duration.ofSeconds(10), () -> service.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')").mapTo(Integer.class).one()) == 0);
    }

    @AfterAll
    static void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void countsTheCallsTextsAndRemindersOfTheWindow() {
        var stats = json(coordinator.get("/api/stats?" + WINDOW));

        assertThat(stats.get("from").asText()).isEqualTo("2027-06-02T09:00:00+02:00");
        assertThat(stats.get("to").asText()).isEqualTo("2027-06-02T18:00:00+02:00");
        var calls = stats.get("calls");
        assertThat(calls.get("offered").asLong()).as("two answered, one ended in the menu, one out of hours").isEqualTo(4);
        assertThat(calls.get("answered").asLong()).isEqualTo(2);
        assertThat(calls.get("missed").asLong()).as("only the one out of hours").isEqualTo(1);
        assertThat(calls.get("medianAnswerSeconds").asDouble()).as("between 25 and 40").isEqualTo(32.5);
        assertThat(stats.get("texts").get("in").asLong()).as("STOP, a relayed text, HJÆLP; not Maja's answer").isEqualTo(3);
        assertThat(stats.get("texts").get("out").asLong())
                .as("STOP confirmed, relayed to Maja, her answer, Ida's reminder; not the refused HJÆLP answer").isEqualTo(4);
        assertThat(stats.get("remindersSent").asLong()).as("Ida's; Ole opted out").isEqualTo(1);
    }

    @Test
    void aWindowWithNoAnsweredCallHasNoMedian() {
        var stats = json(coordinator.get("/api/stats?from=2027-06-02T07:00:00Z&to=2027-06-02T08:00:00Z"));

        assertThat(stats.get("calls").get("offered").asLong()).isZero();
        assertThat(stats.get("calls").get("answered").asLong()).isZero();
        assertThat(stats.get("calls").get("medianAnswerSeconds").isNull()).isTrue();
        assertThat(stats.get("texts").get("in").asLong()).as("Ole's STOP").isEqualTo(1);
        assertThat(stats.get("remindersSent").asLong()).isZero();
    }

    @Test
    void answersAClear400ForABadWindowAnd401WithoutAToken() {
        var missing = service.api("GET", "/api/stats?to=2027-06-02T18:00:00Z", service.bearer(), null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing.body()).get("field").asText()).isEqualTo("from");
        var tooLong = service.api("GET", "/api/stats?from=2027-01-01T00:00:00Z&to=2027-06-02T00:00:00Z", service.bearer(), null);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong.body()).get("field").asText()).isEqualTo("to");
        assertThat(service.api("GET", "/api/stats?" + WINDOW, null, null).statusCode()).isEqualTo(401);
    }

    /** A call that arrives at {@code arrival}, and Maja takes it {@code seconds} later. */
    private static void answeredAfter(String arrival, int seconds) {
        at(arrival);
        var call = newCall();
        call.arrive();
        var dial = call.press("1");
        clock.advance(Duration.ofSeconds(seconds));
        var leg = new TwilioCall.LeaderLeg(service, "CA" + String.format("%032x", 1_000_000 + SIDS.incrementAndGet()));
        leg.answer(dial.text("/Response/Dial/Number/@url"));
        leg.press("1");
        call.hangUp(120);
    }

    private static TwilioCall newCall() {
        return new TwilioCall(service, "CA" + String.format("%032x", SIDS.incrementAndGet()), "+4529000090");
    }

    private static void join(long group, String name, String phone) {
        var response = coordinator.post("/api/groups/" + group + "/participants",
                "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"smsConsent\":true,\"language\":\"da\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
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
