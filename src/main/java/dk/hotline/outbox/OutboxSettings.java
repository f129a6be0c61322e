package dk.hotline.outbox;

import java.time.Duration;

/**
 * {@code outbox.*}: how fast and how persistently texts and calls go out. {@code rate} is per
 * second for all instances together; a row is tried {@code maxAttempts} times, waiting from
 * {@code retryBase} doubling up to {@code retryMax}; a claim older than {@code claimTimeout} is
 * taken back; an idle dispatcher looks again every {@code pollInterval}.
 */
public record OutboxSettings(int rate, int maxAttempts, Duration retryBase, Duration retryMax,
                             Duration claimTimeout, Duration pollInterval) {}
