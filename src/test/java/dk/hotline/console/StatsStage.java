package dk.hotline.console;

import dk.hotline.testing.Await;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls, texts and reminders played through the service as Twilio would send them, each at a known
 * instant on the test's clock, for what Statistik / Stats counts. The clock only moves forward.
 */
final class StatsStage {
    private static final String CALLER = "+4529000090";
    private final HotlineFixture hotline;
    private final TestService service;
    private final MutableClock clock;
    private final long leader;
    private final AtomicInteger sids = new AtomicInteger();
    private final AtomicInteger texters = new AtomicInteger();

    StatsStage(HotlineFixture hotline, MutableClock clock) {
        this.hotline = hotline;
        this.service = hotline.service();
        this.clock = clock;
        this.leader = hotline.coordinator().leader("Maja", "+4520000091", java.util.List.of("da"));
    }

    long leader() {
        return leader;
    }

    /** Maja is on call from {@code start} to {@code end}. */
    void onCall(Instant start, Instant end) {
        hotline.coordinator().shift(leader, start, end);
    }

    /**
     * A call that arrives at {@code arrival}, asks for a person, and Maja (on call then) takes it
     * {@code seconds} later; its CallSid.
     */
    String answered(Instant arrival, int seconds) {
        clock.set(arrival);
        var call = newCall();
        call.arrive();
        var dial = call.press("1");
        clock.advance(Duration.ofSeconds(seconds));
        var leg = new TwilioCall.LeaderLeg(service, sid(1_000_000));
        leg.answer(dial.text("/Response/Dial/Number/@url"));
        leg.press("1");
        call.hangUp(seconds + 120);
        return call.sid();
    }

    /** A call that asks for a person when nobody is on call: missed. */
    void missed(Instant arrival) {
        clock.set(arrival);
        var call = newCall();
        call.arrive();
        call.press("1");
        call.hangUp(30);
    }

    /** A call that ends in the menu: neither answered nor missed. */
    void menuOnly(Instant arrival) {
        clock.set(arrival);
        var call = newCall();
        call.arrive();
        call.hangUp(10);
    }

    /** Someone texts HJÆLP and gets the answer: one text in, one out. */
    void help(Instant at) {
        clock.set(at);
        hotline.sms().receive(String.format("+45350%05d", texters.incrementAndGet()), "HJÆLP");
        settled();
    }

    /** The session's reminder {@code before} its start fires at {@code at}; returns when its texts are sent. */
    void reminder(long session, Duration before, Instant at) {
        clock.set(at);
        service.fireReminder(session, before);
        settled();
    }

    /** Every text due by now is sent (or refused); one queued for later (a follow-up) stays. */
    private void settled() {
        Await.until("every text due is settled", Await.SOON, () -> service.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending') AND not_before <= :now")
                .bind("now", clock.instant()).mapTo(Integer.class).one()) == 0);
    }

    private TwilioCall newCall() {
        return new TwilioCall(service, sid(0), CALLER);
    }

    private String sid(int base) {
        return "CA" + String.format("%032x", base + sids.incrementAndGet());
    }
}
