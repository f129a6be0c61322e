package dk.hotline.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, so many rows failing together do not retry together. Never
 * longer than {@code max}.
 */
record Backoff(Duration base, Duration max) {
    Duration after(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        long millis = Math.min(base.toMillis() * factor, max.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(millis / 5 + 1);
        return Duration.ofMillis(Math.min(millis - millis / 10 + jitter, max.toMillis()));
    }
}
