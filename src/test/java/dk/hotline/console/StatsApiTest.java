package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import dk.hotline.testing.TwilioSms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/stats}: one day's calls, texts and reminders, played through the service, counted exactly. */
class StatsApiTest {
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-06-02T06:00:00Z"));
    private static final AtomicInteger SIDS = new AtomicInteger();
    private static final String MAJA = "+4520000091";
    /** 09:00 to 18:00 in Copenhagen (summer time): 07:00Z to 16:00Z. */
    private static final String WINDOW = "from=2027-06-02T09:00:00%2B02:00&to=2027-06-02T18:00:00%2B02:00";
    private static HotlineFixture hotline;
    private static TestService service;
    private static Coordinator coordinator;
    private static TwilioSms sms;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        hotline.refusesTextsTo("+4535000094");
        service = hotline.service();
        coordinator = hotline.coordinator();
        sms = hotline.sms();
        long maja = coordinator.leader("Maja", MAJA, List.of("da"));
        coordinator.shift(maja, Instant.parse("2027-06-02T08:00:00Z"), Instant.parse("2027-06-02T12:00:00Z"));
        // Sessions on Thursdays 17:00: the 24-hour reminder is due on Wednesday at 17:00 (15:00Z).
        long group = coordinator.group("Torsdagsgruppen", "Torsdagsholdet", maja, "2027-06-03T17:00:00+02:00", 1);
        long session = coordinator.sessions(group).get(0);
        coordinator.participant(group, "Ida", "+4534000091", true, "da");
        coordinator.participant(group, "Ole", "+4534000092", true, "da");

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
        String tag = hotline.relayedTag(MAJA);
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
        hotline.close();
    }

    @Test
    void countsTheCallsTextsAndRemindersOfTheWindow() {
        var stats = Json.parse(coordinator.get("/api/stats?" + WINDOW));

        assertThat(Json.text(stats, "from")).isEqualTo("2027-06-02T09:00:00+02:00");
        assertThat(Json.text(stats, "to")).isEqualTo("2027-06-02T18:00:00+02:00");
        var calls = Json.field(stats, "calls");
        assertThat(Json.number(calls, "offered")).as("two answered, one ended in the menu, one out of hours").isEqualTo(4);
        assertThat(Json.number(calls, "answered")).isEqualTo(2);
        assertThat(Json.number(calls, "missed")).as("only the one out of hours").isEqualTo(1);
        assertThat(Json.field(calls, "medianAnswerSeconds").asDouble()).as("between 25 and 40").isEqualTo(32.5);
        var texts = Json.field(stats, "texts");
        assertThat(Json.number(texts, "in")).as("STOP, a relayed text, HJÆLP; not Maja's answer").isEqualTo(3);
        assertThat(Json.number(texts, "out"))
                .as("STOP confirmed, relayed to Maja, her answer, Ida's reminder; not the refused HJÆLP answer").isEqualTo(4);
        assertThat(Json.number(stats, "remindersSent")).as("Ida's; Ole opted out").isEqualTo(1);
    }

    @Test
    void aWindowWithNoAnsweredCallHasNoMedian() {
        var stats = Json.parse(coordinator.get("/api/stats?from=2027-06-02T07:00:00Z&to=2027-06-02T08:00:00Z"));

        var calls = Json.field(stats, "calls");
        assertThat(Json.number(calls, "offered")).isZero();
        assertThat(Json.number(calls, "answered")).isZero();
        assertThat(Json.field(calls, "medianAnswerSeconds").isNull()).isTrue();
        assertThat(Json.number(Json.field(stats, "texts"), "in")).as("Ole's STOP").isEqualTo(1);
        assertThat(Json.number(stats, "remindersSent")).isZero();
    }

    @Test
    void answersAClear400ForABadWindowAnd401WithoutAToken() {
        var missing = service.api("GET", "/api/stats?to=2027-06-02T18:00:00Z", service.bearer(), null);
        assertThat(Json.badRequestField(missing)).isEqualTo("from");
        var tooLong = service.api("GET", "/api/stats?from=2027-01-01T00:00:00Z&to=2027-06-02T00:00:00Z", service.bearer(), null);
        assertThat(Json.badRequestField(tooLong)).isEqualTo("to");
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

    private static void at(String instant) {
        clock.set(Instant.parse(instant));
    }
}
