package dk.hotline.voice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Counts of the calls that arrived in a window, for coordinators (what counts as missed: {@link CallOutcome}). */
public final class CallStats {
    private final Jdbi jdbi;

    CallStats(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** {@code medianAnswerSeconds} is {@code null} when no call in the window was answered. */
    public record CallFigures(long offered, long answered, long missed, Double medianAnswerSeconds) {
        public static final CallFigures NONE = new CallFigures(0, 0, 0, null);
    }

    public CallFigures between(Instant from, Instant to) {
        return jdbi.withExtension(CallLogDao.class, dao -> dao.figures(from, to, CallOutcome.missedCodes()));
    }

    /**
     * Calls that arrived in the window by the local day of the week and hour they arrived in:
     * {@code [day][hour]}, Monday = 0, hour 0–23 of the zone's wall clock (DST-correct).
     */
    public long[][] byHourOfWeek(Instant from, Instant to, ZoneId zone) {
        var counts = new long[7][24];
        jdbi.withExtension(CallLogDao.class, dao -> dao.byHourOfWeek(from, to, zone.getId()))
                .forEach(c -> counts[c.day() - 1][c.hour()] = c.calls());
        return counts;
    }

    /** {@link #between} per local ISO week (keyed by its Monday); weeks without a call are absent. */
    public Map<LocalDate, CallFigures> weekly(Instant from, Instant to, ZoneId zone) {
        var weeks = new TreeMap<LocalDate, CallFigures>();
        jdbi.withExtension(CallLogDao.class, dao -> dao.weekly(from, to, zone.getId(), CallOutcome.missedCodes()))
                .forEach(w -> weeks.put(w.week(), new CallFigures(w.offered(), w.answered(), w.missed(), w.medianAnswerSeconds())));
        return weeks;
    }
}
