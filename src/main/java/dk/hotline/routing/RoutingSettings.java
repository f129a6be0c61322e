package dk.hotline.routing;

import java.time.Duration;

/**
 * {@code routing.*}: how leaders are rung. Each attempt rings for {@code ringSeconds} ({@code
 * simultaneous} phones at once with that strategy), a caller is rung for at most {@code
 * maxRingSeconds} in all, a leader rests {@code wrapUp} after a call, and has {@code
 * screenSeconds} to press 1.
 */
public record RoutingSettings(Strategy strategy, int ringSeconds, int simultaneous, int maxRingSeconds,
                              Duration wrapUp, int screenSeconds) {
    /** One leader at a time, or several phones at once (first to press 1 takes it). */
    public enum Strategy { SEQUENTIAL, SIMULTANEOUS }
}
