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
 * past the retention it goes; expired tokens, ended console sessions and spent password links go
 * at once. Accounts are kept while they exist.
 */
final class AccountRetention implements RetentionRule {
    static final List<RetentionRule> RULES = List.of(new AccountRetention(),
            new Kept("accounts", "an account that signs in, for as long as it exists"));

    @Override
    public Set<String> tables() {
        return Set.of("login_throttle", "api_tokens", "console_sessions", "password_links");
    }

    @Override
    public Map<String, Integer> erase(Jdbi jdbi, Instant cutoff, Instant now) {
        return jdbi.inTransaction(tx -> {
            var erased = new LinkedHashMap<String, Integer>();
            erased.put("login_throttle", tx.createUpdate("DELETE FROM login_throttle WHERE blocked_until < :cutoff")
                    .bind("cutoff", cutoff).execute());
            erased.put("api_tokens", tx.createUpdate("DELETE FROM api_tokens WHERE expires_at <= :now")
                    .bind("now", now).execute());
            // Sessions end on their own within hours; one a day old is gone whatever the settings.
            erased.put("console_sessions", tx.createUpdate("DELETE FROM console_sessions WHERE last_seen_at < :since")
                    .bind("since", now.minus(java.time.Duration.ofDays(1))).execute());
            erased.put("password_links", tx.createUpdate(
                    "DELETE FROM password_links WHERE used_at IS NOT NULL OR expires_at <= :now").bind("now", now).execute());
            return erased;
        });
    }
}
