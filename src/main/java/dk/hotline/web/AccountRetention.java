package dk.hotline.web;

import dk.hotline.privacy.RetentionRule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Sign-ins' part of retention: a hashed address still points at a person, so once its lockout is
 * past the retention it goes; expired tokens go at once. Accounts are kept while they exist.
 */
final class AccountRetention implements RetentionRule {
    static final List<RetentionRule> RULES = List.of(new AccountRetention(),
            new Kept("coordinators", "a coordinator's account, for as long as it exists"));

    @Override
    public Set<String> tables() {
        return Set.of("login_throttle", "api_tokens");
    }

    @Override
    public Map<String, Integer> erase(Jdbi jdbi, Instant cutoff, Instant now) {
        return jdbi.inTransaction(tx -> {
            var erased = new LinkedHashMap<String, Integer>();
            erased.put("login_throttle", tx.createUpdate("DELETE FROM login_throttle WHERE blocked_until < :cutoff")
                    .bind("cutoff", cutoff).execute());
            erased.put("api_tokens", tx.createUpdate("DELETE FROM api_tokens WHERE expires_at <= :now")
                    .bind("now", now).execute());
            return erased;
        });
    }
}
