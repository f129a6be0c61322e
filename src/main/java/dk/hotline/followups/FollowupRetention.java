package dk.hotline.followups;

import dk.hotline.privacy.RetentionRule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Callbacks' and follow-ups' part of retention: a handled callback request and a settled
 * follow-up forget the number; an open or pending one keeps it until it is settled.
 */
final class FollowupRetention implements RetentionRule {
    @Override
    public Set<String> tables() {
        return Set.of("callback_requests", "followups");
    }

    @Override
    public Map<String, Integer> erase(Jdbi jdbi, Instant cutoff, Instant now) {
        return jdbi.inTransaction(tx -> {
            var erased = new LinkedHashMap<String, Integer>();
            erased.put("callbacks", tx.createUpdate("""
                    UPDATE callback_requests SET phone_sealed = NULL, phone_index = NULL
                    WHERE status = 'done' AND done_at < :cutoff AND (phone_sealed IS NOT NULL OR phone_index IS NOT NULL)""")
                    .bind("cutoff", cutoff).execute());
            erased.put("followups", tx.createUpdate("""
                    UPDATE followups SET phone_sealed = NULL, phone_index = NULL
                    WHERE status <> 'pending' AND settled_at < :cutoff AND (phone_sealed IS NOT NULL OR phone_index IS NOT NULL)""")
                    .bind("cutoff", cutoff).execute());
            return erased;
        });
    }
}
