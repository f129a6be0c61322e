package dk.hotline.voice;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Counts of the calls that arrived in a window, for coordinators. A call is <em>missed</em> when
 * the caller wanted a person and got none: they hung up while leaders were rung
 * ({@code abandoned-ringing}) or while queued ({@code abandoned-queue}), nobody took it
 * ({@code no-answer}), the queue wait ran out ({@code queue-timeout}), or nobody was on call
 * ({@code out-of-hours}) — and the fallback gave them no other way on. A call that ended with a
 * callback request, the fallback number or a voicemail got a next step instead, and one that ended
 * in the menu ({@code abandoned-menu}) never asked for a person: those are neither answered nor missed.
 */
public final class CallStats {
    private final Jdbi jdbi;

    public CallStats(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** {@code medianAnswerSeconds} is {@code null} when no call in the window was answered. */
    public record CallFigures(long offered, long answered, long missed, Double medianAnswerSeconds) {}

    public CallFigures between(Instant from, Instant to) {
        return jdbi.withExtension(CallLogDao.class, dao -> dao.figures(from, to));
    }
}
