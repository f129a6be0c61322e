package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The weeks Statistik / Stats covers: {@code ?from=2026-W40&to=2026-W49}, both ISO weeks in the
 * rota's zone and both included; without them, the last 12 full weeks (this week is not over).
 */
record StatsPeriod(RotaWeek first, RotaWeek last) {
    static final int DEFAULT_WEEKS = 12;
    /** A year and a bit: every week of a year, whichever weekday it began on. */
    static final int MAX_WEEKS = 53;

    static StatsPeriod of(String from, String to, ZoneId zone, Instant now) {
        RotaWeek last = blank(to) ? RotaWeek.containing(now, zone).plus(-1) : week("to", to, zone, now);
        RotaWeek first = blank(from) ? last.plus(-(DEFAULT_WEEKS - 1)) : week("from", from, zone, now);
        if (first.monday().isAfter(last.monday())) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (first.plus(MAX_WEEKS - 1).monday().isBefore(last.monday())) {
            throw new InvalidInputException("to", "at most " + MAX_WEEKS + " weeks after from");
        }
        return new StatsPeriod(first, last);
    }

    private static RotaWeek week(String field, String raw, ZoneId zone, Instant now) {
        try {
            return RotaWeek.parse(raw, zone, now);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, "an ISO week such as 2026-W49");
        }
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }

    /** The first Monday's local midnight. */
    Instant from() {
        return first.from();
    }

    /** The local midnight after the last Sunday. */
    Instant to() {
        return last.to();
    }

    /** {@code from=2026-W40&to=2026-W49}. */
    String query() {
        return "from=" + first.code() + "&to=" + last.code();
    }
}
