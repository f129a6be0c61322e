package dk.hotline.voice;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Counts of the calls that arrived in a window, for coordinators (what counts as missed: {@link CallOutcome}). */
public final class CallStats {
    private final Jdbi jdbi;

    CallStats(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** {@code medianAnswerSeconds} is {@code null} when no call in the window was answered. */
    public record CallFigures(long offered, long answered, long missed, Double medianAnswerSeconds) {}

    public CallFigures between(Instant from, Instant to) {
        return jdbi.withExtension(CallLogDao.class, dao -> dao.figures(from, to, CallOutcome.missedCodes()));
    }
}
