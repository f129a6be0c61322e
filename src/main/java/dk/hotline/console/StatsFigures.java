package dk.hotline.console;

import dk.hotline.notes.NoteCounts;
import dk.hotline.voice.CallStats.CallFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The numbers of Statistik / Stats and of {@code GET /api/stats} for one window, so both show the
 * same: calls by local hour of the week ({@code [day][hour]}, Monday = 0) and every local ISO week
 * the window touches, in order, weeks without anything included with zeros; and the post-call notes
 * written in the window, in all and by category in the coordinators' order (a note may have several).
 */
record StatsFigures(Instant from, Instant to, long[][] callsByHourOfWeek, List<Week> weeks, NoteCounts.Counts notes) {
    /** One ISO week (its Monday, in the rota's zone); an edge week counts only its part inside the window. */
    record Week(LocalDate monday, CallFigures calls, long textsIn, long textsOut, long remindersSent) {
        /**
         * Answered of the calls that were answered or missed (those that asked for a person and got
         * an answer or nothing); null when there were none. A call ended in the menu, with a callback
         * request, the fallback number or a voicemail is neither, so it does not count either way.
         */
        Double answerRate() {
            long asked = calls.answered() + calls.missed();
            return asked == 0 ? null : (double) calls.answered() / asked;
        }

        /** {@code 2026-W49}. */
        String code() {
            return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }

        /** {@code W49}, under its bar. */
        String label() {
            return String.format(Locale.ROOT, "W%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    long calls() {
        return Arrays.stream(callsByHourOfWeek).flatMapToLong(Arrays::stream).sum();
    }
}
