package dk.hotline.voice;

import dk.hotline.privacy.RetentionRule;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The call log's part of retention: a call forgets its caller's number (the row stays, as a
 * count and an outcome), and the answers kept for Twilio's retries go after a day.
 */
final class CallRetention implements RetentionRule {
    /** Answers are stored only so a Twilio retry gets the same one; retries come within minutes. */
    static final Duration REPLIES_KEPT = Duration.ofDays(1);

    @Override
    public Set<String> tables() {
        return Set.of("calls", "voice_replies");
    }

    @Override
    public Map<String, Integer> erase(Jdbi jdbi, Instant cutoff, Instant now) {
        return jdbi.inTransaction(tx -> {
            var erased = new LinkedHashMap<String, Integer>();
            erased.put("calls", tx.createUpdate("""
                    UPDATE calls SET caller_sealed = NULL, caller_index = NULL
                    WHERE arrived_at < :cutoff AND (caller_sealed IS NOT NULL OR caller_index IS NOT NULL)""")
                    .bind("cutoff", cutoff).execute());
            erased.put("voice_replies", tx.createUpdate("DELETE FROM voice_replies WHERE created_at < :since")
                    .bind("since", now.minus(REPLIES_KEPT)).execute());
            return erased;
        });
    }
}
