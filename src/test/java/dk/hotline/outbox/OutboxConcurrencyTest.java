package dk.hotline.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.Await;
import dk.hotline.twilio.OutboundCall;
import dk.hotline.twilio.OutboundSms;
import dk.hotline.twilio.SendResult;
import dk.hotline.twilio.TwilioGateway;
import dk.hotline.twilio.TwilioStubs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The background dispatcher keeps its send threads busy: a slow request holds up no other text. */
class OutboxConcurrencyTest {
    private static final PhoneNumber SLOW = PhoneNumber.parse("+4520000099");
    private static final OutboxSettings SETTINGS = new OutboxSettings(
            1000, 3, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofMillis(10));

    private DispatcherFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DispatcherFixture(Clock.systemUTC());
        TwilioStubs.messageCreated(fixture.twilio());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void oneSlowTwilioRequestHoldsUpNoOtherText() {
        var slowAnswer = new CountDownLatch(1);
        var gateway = new Wrapped(fixture.gateway()) {
            @Override
            public SendResult sendSms(OutboundSms sms) {
                if (sms.to().equals(SLOW)) {
                    await(slowAnswer);
                }
                return super.sendSms(sms);
            }
        };
        long slow = fixture.queue("slow", SLOW, "Hej");
        List<Long> others = queueMany("other:", 20);
        var dispatcher = fixture.dispatcher(gateway, SETTINGS, new SimpleMeterRegistry());

        dispatcher.start();
        try {
            Await.until("every other text is sent", Await.SOON, () -> others.stream().allMatch(this::sent));
            assertThat(fixture.row(slow)).as("still waiting for Twilio").containsEntry("status", "sending");
        } finally {
            slowAnswer.countDown();
        }
        Await.until("the slow text is sent too", Await.SOON, () -> sent(slow));
    }

    @Test
    void noMoreRequestsAreUnderWayAtOnceThanTheConfiguredConcurrency() {
        var settings = new OutboxSettings(1000, 3, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofMillis(10), 3);
        var underWay = new java.util.concurrent.atomic.AtomicInteger();
        var most = new java.util.concurrent.atomic.AtomicInteger();
        var gateway = new Wrapped(fixture.gateway()) {
            @Override
            public SendResult sendSms(OutboundSms sms) {
                most.accumulateAndGet(underWay.incrementAndGet(), Math::max);
                try {
                    // As slow as a distant Twilio, so that requests overlap.
                    Thread.sleep(100);
                    return super.sendSms(sms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } finally {
                    underWay.decrementAndGet();
                }
            }
        };
        List<Long> texts = queueMany("many:", 15);
        var dispatcher = fixture.dispatcher(gateway, settings, new SimpleMeterRegistry());

        dispatcher.start();

        Await.until("every text is sent", Await.SOON, () -> texts.stream().allMatch(this::sent));
        assertThat(most.get()).isEqualTo(3);
    }

    private List<Long> queueMany(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> fixture.queue(prefix + i, PhoneNumber.parse("+452100" + String.format("%04d", i)), "Hej " + i))
                .toList();
    }

    private boolean sent(long id) {
        return "sent".equals(fixture.row(id).get("status"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The real gateway, for a test to change one request of. */
    private static class Wrapped implements TwilioGateway {
        private final TwilioGateway twilio;

        Wrapped(TwilioGateway twilio) {
            this.twilio = twilio;
        }

        @Override
        public SendResult sendSms(OutboundSms sms) {
            return twilio.sendSms(sms);
        }

        @Override
        public SendResult placeCall(OutboundCall call) {
            return twilio.placeCall(call);
        }

        @Override
        public List<SendResult> findSms(OutboundSms sms, Instant notBefore) {
            return twilio.findSms(sms, notBefore);
        }

        @Override
        public List<SendResult> findCall(OutboundCall call, Instant notBefore) {
            return twilio.findCall(call, notBefore);
        }
    }
}
