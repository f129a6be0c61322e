package dk.hotline.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit log's own retention: its rows are kept for {@code audit.retentionDays} (default five
 * years), far longer than the data they are about, because they are how the organisation shows
 * who saw or changed what (GDPR art. 5(2)); after that the oldest rows go. Only a prefix of the
 * chain is removed (every row before the oldest one still within the period), so what remains
 * is one unbroken chain, anchored at the hash of the last row removed (V30's trigger keeps it).
 *
 * <p>The transaction tells the trigger the period ({@code SET LOCAL hotline.audit_retention_days});
 * the trigger refuses any row younger than that, or than its own floor of {@link #MINIMUM_DAYS},
 * by the database's clock. The cutoff is the earlier of this service's and the database's, so a
 * clock ahead of the database's cannot make the trigger refuse the whole run.
 */
public record AuditRetention(int days) implements RetentionRule {
    /** Five years: what the organisation keeps its accountability records for. */
    public static final int DEFAULT_DAYS = 1825;
    /** The trigger's floor (V30), and the least the config accepts. */
    public static final int MINIMUM_DAYS = 365;

    public AuditRetention {
        if (days < MINIMUM_DAYS) {
            throw new IllegalArgumentException("the audit log is kept at least " + MINIMUM_DAYS + " days");
        }
    }

    @Override
    public Set<String> tables() {
        return Set.of("audit_log", "audit_chain");
    }

    @Override
    public Map<String, Integer> erase(Jdbi jdbi, Instant cutoff, Instant now) {
        Instant before = now.minus(Duration.ofDays(days));
        int erased = jdbi.inTransaction(tx -> {
            tx.execute("SELECT set_config('hotline.audit_retention_days', ?, true)", String.valueOf(days));
            return tx.createUpdate("""
                            WITH edge AS (SELECT least(CAST(:before AS timestamptz), now() - make_interval(days => :days)) AS at)
                            DELETE FROM audit_log WHERE at < (SELECT at FROM edge)
                              AND id < coalesce((SELECT min(id) FROM audit_log WHERE at >= (SELECT at FROM edge)),
                                                (SELECT max(id) + 1 FROM audit_log))""")
                    .bind("before", before)
                    .bind("days", days)
                    .execute();
        });
        return Map.of("audit_log", erased);
    }
}
