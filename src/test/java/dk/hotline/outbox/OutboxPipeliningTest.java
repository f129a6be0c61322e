package dk.hotline.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.Await;
import dk.hotline.testing.MutableClock;
import dk.hotline.twilio.OutboundCall;
import dk.hotline.twilio.OutboundSms;
import dk.hotline.twilio.SendResult;
import dk.hotline.twilio.TwilioGateway;
import dk.hotline.twilio.TwilioStubs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The running dispatcher does not hold the queue up behind a slow send: other texts go out while
 * it is under way. And however long that send takes, its own instance never takes its row back
 * as abandoned, so it is sent once.
 */
class OutboxPipeliningTest {
    private static final PhoneNumber SLOW = PhoneNumber.parse("+4520300001");
    private static final PhoneNumber OTHER = PhoneNumber.parse("+4520300002");
    private static final OutboxSettings SETTINGS = new OutboxSettings(
            10, 3, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMillis(20));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final DispatcherFixture fixture = new DispatcherFixture(clock);
    private final HeldTwilio twilio = new HeldTwilio(fixture.gateway(), SLOW);

    @AfterEach
    void tearDown() {
        twilio.release.countDown();
        fixture.close();
    }

    @Test
    void anotherTextGoesOutWhileASlowSendIsUnderWay() {
        TwilioStubs.messageCreated(fixture.twilio());
        try (var dispatcher = fixture.dispatcher(twilio, SETTINGS, new SimpleMeterRegistry())) {
            dispatcher.start();
            long slow = fixture.queue("held", SLOW, "Hej");
            Await.until("the slow send starts", Await.SOON, () -> twilio.sends(SLOW) == 1);

            long other = fixture.queue("other", OTHER, "Hej igen");

            Await.until("the other text is sent while the slow one is held", Await.SOON,
                    () -> "sent".equals(fixture.row(other).get("status")));
            assertThat(fixture.row(slow)).containsEntry("status", "sending");
            twilio.release.countDown();
            Await.until("the slow text is recorded as sent", Await.SOON, () -> "sent".equals(fixture.row(slow).get("status")));
        }
    }

    @Test
    void aSendOutlastingTheClaimTimeoutIsNotTakenBackByItsOwnInstance() {
        TwilioStubs.messageCreated(fixture.twilio());
        long slow;
        try (var dispatcher = fixture.dispatcher(twilio, SETTINGS, new SimpleMeterRegistry())) {
            dispatcher.start();
            slow = fixture.queue("held", SLOW, "Hej");
            Await.until("the slow send starts", Await.SOON, () -> twilio.sends(SLOW) == 1);

            // Past the claim timeout while the send is still waiting for Twilio: to a claim, the
            // row now looks abandoned. A second text makes sure the loop claims again meanwhile.
            clock.advance(SETTINGS.claimTimeout().multipliedBy(2));
            long other = fixture.queue("other", OTHER, "Hej igen");
            Await.until("a later claim has run", Await.SOON, () -> "sent".equals(fixture.row(other).get("status")));
            twilio.release.countDown();
            Await.until("the slow text is recorded as sent", Await.SOON, () -> "sent".equals(fixture.row(slow).get("status")));
        }

        assertThat(twilio.sends(SLOW)).as("sends to the slow number").isEqualTo(1);
        assertThat(twilio.lookUps.get()).as("look-ups of an earlier send").isZero();
        assertThat(fixture.row(slow)).containsEntry("attempts", 1);
    }

    /** Twilio through WireMock, except that a text to {@code held} waits until {@link #release}. */
    private static final class HeldTwilio extends ForwardingGateway {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger lookUps = new AtomicInteger();
        private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        private final PhoneNumber held;

        HeldTwilio(TwilioGateway twilio, PhoneNumber held) {
            super(twilio);
            this.held = held;
        }

        int sends(PhoneNumber to) {
            return sends.getOrDefault(to.e164(), new AtomicInteger()).get();
        }

        @Override
        public SendResult sendSms(OutboundSms sms) {
            sends.computeIfAbsent(sms.to().e164(), k -> new AtomicInteger()).incrementAndGet();
            if (sms.to().equals(held)) {
                try {
                    release.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.sendSms(sms);
        }

        @Override
        public List<SendResult> findSms(OutboundSms sms, Instant notBefore) {
            lookUps.incrementAndGet();
            return super.findSms(sms, notBefore);
        }

        @Override
        public List<SendResult> findCall(OutboundCall call, Instant notBefore) {
            lookUps.incrementAndGet();
            return super.findCall(call, notBefore);
        }
    }
}
