package dk.hotline.outbox;

import dk.hotline.privacy.RetentionRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox's part of retention: a finished row forgets its recipient (number and blind index)
 * and its words; the row stays, as a count. Opt-outs are kept: a STOP must hold for good, and only
 * its blind index is stored.
 */
final class OutboxRetention implements RetentionRule {
    static final List<RetentionRule> RULES = List.of(new OutboxRetention(),
            new Kept("suppressions", "an opt-out (STOP) must hold for good; only the number's blind index is kept"));

    private OutboxRetention() {}

    @Override
    public Set<String> tables() {
        return Set.of("outbox");
    }

    @Override
    public Map<String, Integer> erase(Jdbi jdbi, Instant cutoff, Instant now) {
        int erased = jdbi.withHandle(h -> h.createUpdate("""
                UPDATE outbox SET recipient_sealed = NULL, recipient_index = NULL, body_sealed = NULL
                WHERE status IN ('sent', 'failed', 'cancelled') AND updated_at < :cutoff
                  AND (recipient_sealed IS NOT NULL OR recipient_index IS NOT NULL OR body_sealed IS NOT NULL)""")
                .bind("cutoff", cutoff).execute());
        return Map.of("outbox", erased);
    }
}
