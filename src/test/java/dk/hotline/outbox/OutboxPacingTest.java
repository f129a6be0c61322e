package dk.hotline.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.Await;
import dk.hotline.twilio.TwilioStubs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A backlog larger than the rate goes out at the rate: once a second's sends are spent, the
 * running dispatcher looks again as soon as the oldest of them leaves the window, not a whole
 * poll interval later. On the real clock, because the wait being tested is the loop's own.
 */
class OutboxPacingTest {
    private static final int RATE = 5;
    private final DispatcherFixture fixture = new DispatcherFixture(Clock.systemUTC());

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aBacklogGoesOutAtTheRateNotAPollIntervalApart() {
        TwilioStubs.messageCreated(fixture.twilio());
        int texts = RATE * 3;
        for (int i = 0; i < texts; i++) {
            fixture.queue("pace:" + i, PhoneNumber.parse("+45202000" + String.format(Locale.ROOT, "%02d", i)), "Hej " + i);
        }
        // A poll interval far longer than the rate's window: waiting it out even once takes 20 s.
        var settings = new OutboxSettings(RATE, 3, Duration.ofSeconds(5), Duration.ofMinutes(10),
                Duration.ofMinutes(2), Duration.ofSeconds(20));

        Duration took;
        try (var dispatcher = fixture.dispatcher(fixture.gateway(), settings, new SimpleMeterRegistry())) {
            long start = System.nanoTime();
            dispatcher.start();
            Await.until("every text reaches Twilio", Await.SOON, () -> TwilioStubs.requestCount(fixture.twilio()) >= texts);
            took = Duration.ofNanos(System.nanoTime() - start);
        }

        assertThat(TwilioStubs.requestCount(fixture.twilio())).isEqualTo(texts);
        // Three windows' worth: about 2 s at the rate (3 with the first request's warm-up); 40 s if
        // each spent window waited a poll interval. The bound leaves room for a loaded machine.
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }
}
