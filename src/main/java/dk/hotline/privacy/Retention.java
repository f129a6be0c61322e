package dk.hotline.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases personal data once it is older than the configured retention, by asking each feature to
 * erase what it owns ({@link RetentionRule}). Rows that are counts and outcomes (calls, outbox
 * rows) stay; what identifies a person goes.
 *
 * <p>The audit log is kept on purpose: it is the organisation's record of which coordinator saw
 * whose number and when, which it must be able to show (GDPR art. 5(2) accountability, and a data
 * subject's right to know who accessed their data). It holds coordinator ids, subject ids and
 * the reason the coordinator gave in their own words (the console asks for no name or number
 * there), never a number.
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** The audit log's own rule: kept, see above. */
    public static final RetentionRule AUDIT_LOG = new RetentionRule.Kept("audit_log",
            "the record of who saw whose number, which the organisation must be able to show");

    private final Jdbi jdbi;
    private final Duration keep;
    private final List<RetentionRule> rules;
    private final Clock clock;

    public Retention(Jdbi jdbi, int retentionDays, List<RetentionRule> rules, Clock clock) {
        this.jdbi = jdbi;
        this.keep = Duration.ofDays(retentionDays);
        this.rules = List.copyOf(rules);
        this.clock = clock;
    }

    /** Runs every rule; one that fails is logged and tried again on the next run, and the others still run. */
    public void purge() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(keep);
        var erased = new LinkedHashMap<String, Integer>();
        for (RetentionRule rule : rules) {
            try {
                erased.putAll(rule.erase(jdbi, cutoff, now));
            } catch (RuntimeException e) {
                log.error("event=retention.rule_failed tables={} error={}", new TreeSet<>(rule.tables()),
                        e.getClass().getSimpleName());
            }
        }
        log.info("event=retention.purged {} cutoff={}", erased.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")), cutoff);
    }
}
