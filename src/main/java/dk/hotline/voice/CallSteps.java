package dk.hotline.voice;

import dk.hotline.db.Jdbc;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The calls-table writes of a caller's way through the menu, in plain JDBC ({@link Jdbc}): they
 * run on every voice webhook, where JDBI's per-statement set-up cost more than the statement.
 */
final class CallSteps {
    private CallSteps() {}

    /** Appends a key (the statement's first parameter) to the call's path through the menu, space-separated. */
    private static final String APPEND_CHOICE = "menu_path = menu_path || CASE WHEN menu_path = '' THEN '' ELSE ' ' END || ?";

    /** A key pressed in a menu ({@code -} for none), appended to the call's path through it. */
    static void menuChoice(Handle tx, String callSid, String choice, String language, Instant now) {
        Jdbc.update(tx, "UPDATE calls SET " + APPEND_CHOICE + ", language = ?, updated_at = ? WHERE call_sid = ?",
                choice, language, now, callSid);
    }

    /**
     * Leaders are being rung for the call: when the first ringing started ({@code now} if this is
     * it). {@code choice} is the menu key that led here, if one did: recorded as {@link #menuChoice}
     * does, in the same statement, for a round trip less on the step every call put through takes.
     */
    static Instant ringing(Handle tx, String callSid, Optional<String> choice, String language, Instant now) {
        if (choice.isEmpty()) {
            return Jdbc.first(tx, """
                    UPDATE calls SET ring_started_at = COALESCE(ring_started_at, ?), language = ?, updated_at = ?
                    WHERE call_sid = ? RETURNING ring_started_at""",
                    rs -> Jdbc.instant(rs, 1), now, language, now, callSid).orElse(now);
        }
        return Jdbc.first(tx, "UPDATE calls SET " + APPEND_CHOICE + """
                , ring_started_at = COALESCE(ring_started_at, ?), language = ?, updated_at = ?
                WHERE call_sid = ? RETURNING ring_started_at""",
                rs -> Jdbc.instant(rs, 1), choice.get(), now, language, now, callSid).orElse(now);
    }
}
