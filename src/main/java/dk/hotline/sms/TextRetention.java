package dk.hotline.sms;

import dk.hotline.privacy.RetentionRule;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Texts' part of retention: relayed words go, a closed conversation forgets its texter, the record
 * of texts received goes, and the per-minute counts of the rate limit go after a day. A blocked
 * number is kept until a coordinator lifts the block.
 */
final class TextRetention implements RetentionRule {
    /** Per-minute text counts (by blind index) for the inbound rate limit: useless after their minute. */
    static final Duration COUNTS_KEPT = Duration.ofDays(1);

    static final List<RetentionRule> RULES = List.of(new TextRetention(),
            new Kept("sms_blocklist", "a blocked number stays blocked until a coordinator lifts the block"));

    @Override
    public Set<String> tables() {
        return Set.of("conversation_messages", "conversations", "sms_inbound", "sms_inbound_counts");
    }

    @Override
    public Map<String, Integer> erase(Jdbi jdbi, Instant cutoff, Instant now) {
        return jdbi.inTransaction(tx -> {
            var erased = new LinkedHashMap<String, Integer>();
            erased.put("conversation_messages", tx.createUpdate("""
                    UPDATE conversation_messages SET body_sealed = NULL
                    WHERE created_at < :cutoff AND body_sealed IS NOT NULL""")
                    .bind("cutoff", cutoff).execute());
            erased.put("conversations", tx.createUpdate("""
                    UPDATE conversations SET survivor_sealed = NULL, survivor_index = NULL
                    WHERE status = 'closed' AND closed_at < :cutoff AND (survivor_sealed IS NOT NULL OR survivor_index IS NOT NULL)""")
                    .bind("cutoff", cutoff).execute());
            erased.put("sms_inbound", tx.createUpdate("DELETE FROM sms_inbound WHERE received_at < :cutoff")
                    .bind("cutoff", cutoff).execute());
            erased.put("sms_inbound_counts", tx.createUpdate("DELETE FROM sms_inbound_counts WHERE minute < :since")
                    .bind("since", now.minus(COUNTS_KEPT)).execute());
            return erased;
        });
    }
}
