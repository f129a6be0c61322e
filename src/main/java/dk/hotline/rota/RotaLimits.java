package dk.hotline.rota;

import dk.hotline.common.InvalidInputException;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code limits.*}: the window a shift may be planned in and how long one may last. A shift in
 * year 1 or 9999, one years back or one ten years long was taken without a word, and then showed
 * up (or not) in gaps, calendar feeds and routing. {@code pastDays} lets a shift that has just
 * begun be written down late.
 */
public record RotaLimits(int pastDays, int futureDays, int maxShiftHours) {
    /** A new or moved shift: its start inside the window, its length at most {@link #maxShiftHours}. */
    void checkShift(Instant start, Instant end, Instant now) {
        if (start.isBefore(now.minus(Duration.ofDays(pastDays)))) {
            throw new InvalidInputException("start", "at most " + pastDays + " day(s) in the past");
        }
        if (start.isAfter(now.plus(Duration.ofDays(futureDays)))) {
            throw new InvalidInputException("start", "at most " + futureDays + " days ahead");
        }
        if (Duration.between(start, end).compareTo(Duration.ofHours(maxShiftHours)) > 0) {
            throw new InvalidInputException("end", "a shift lasts at most " + maxShiftHours + " hours");
        }
    }
}
