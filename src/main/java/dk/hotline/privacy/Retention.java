package dk.hotline.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases personal data once it is older than the configured retention, by asking each feature to
 * erase what it owns ({@link RetentionRule}). Rows that are counts and outcomes (calls, outbox
 * rows) stay; what identifies a person goes. Each run is recorded ({@code retention_runs}: when,
 * and how much each table lost), so coordinators can see that it runs and what it does.
 *
 * <p>The audit log is kept far longer, on purpose ({@link AuditRetention}, {@code
 * audit.retentionDays}): it is the organisation's record of which coordinator saw whose number
 * and who changed what, which it must be able to show (GDPR art. 5(2) accountability, and a data
 * subject's right to know who accessed their data). It holds account ids, subject ids, addresses
 * and the reason the coordinator gave in their own words (the console asks for no name or number
 * there), never a number.
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** What retention does with one rule's tables: erases after {@code days}, or keeps them and why. */
    public record Planned(List<String> tables, Optional<String> kept, int days) {}

    /** One run: when it began and ended, how much each table lost, and the tables of rules that failed. */
    public record Run(Instant startedAt, Instant finishedAt, Map<String, Integer> erased, List<String> failed) {}

    private final Jdbi jdbi;
    private final int retentionDays;
    private final Duration keep;
    private final List<RetentionRule> rules;
    private final Clock clock;

    /** With the audit log kept {@link AuditRetention#DEFAULT_DAYS}. */
    public Retention(Jdbi jdbi, int retentionDays, List<RetentionRule> rules, Clock clock) {
        this(jdbi, retentionDays, AuditRetention.DEFAULT_DAYS, rules, clock);
    }

    /** The features' {@code rules}, and the audit log's own, kept {@code auditDays}. */
    public Retention(Jdbi jdbi, int retentionDays, int auditDays, List<RetentionRule> rules, Clock clock) {
        this.jdbi = jdbi;
        this.retentionDays = retentionDays;
        this.keep = Duration.ofDays(retentionDays);
        this.rules = Stream.concat(rules.stream(), Stream.of(new AuditRetention(auditDays))).toList();
        this.clock = clock;
    }

    /** Every rule, the audit log's included. */
    public List<RetentionRule> rules() {
        return rules;
    }

    /** Each rule's tables and what happens to them, in the rules' order, for the Audit page. */
    public List<Planned> plan() {
        return rules.stream().map(rule -> new Planned(List.copyOf(new TreeSet<>(rule.tables())),
                rule instanceof RetentionRule.Kept kept ? Optional.of(kept.why()) : Optional.empty(),
                rule instanceof AuditRetention audit ? audit.days() : retentionDays)).toList();
    }

    /**
     * Runs every rule; one that fails is logged and tried again on the next run, and the others
     * still run. The run is recorded, and the audit chain's head logged: a copy outside the
     * database against which a rewritten chain would show.
     */
    public void purge() {
        Instant started = clock.instant();
        Instant cutoff = started.minus(keep);
        var erased = new LinkedHashMap<String, Integer>();
        var failed = new TreeSet<String>();
        for (RetentionRule rule : rules) {
            try {
                erased.putAll(rule.erase(jdbi, cutoff, started));
            } catch (RuntimeException e) {
                failed.addAll(rule.tables());
                log.error("event=retention.rule_failed tables={} error={}", new TreeSet<>(rule.tables()),
                        e.getClass().getSimpleName());
            }
        }
        record(new Run(started, clock.instant(), erased, List.copyOf(failed)), cutoff);
        log.info("event=retention.purged {} cutoff={} audit_head={}", erased.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")), cutoff,
                new AuditChain(jdbi).head().orElse("none"));
    }

    /** The latest run, if retention has run. */
    public Optional<Run> lastRun() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT started_at, finished_at, erased::text AS erased, failed FROM retention_runs
                        ORDER BY started_at DESC, id DESC LIMIT 1""")
                .map((rs, ctx) -> {
                    var counts = new LinkedHashMap<String, Integer>();
                    h.createQuery("SELECT key, value::int AS n FROM jsonb_each_text(CAST(:e AS jsonb)) ORDER BY key")
                            .bind("e", rs.getString("erased"))
                            .map((r, c) -> counts.put(r.getString("key"), r.getInt("n"))).list();
                    return new Run(rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("finished_at", OffsetDateTime.class).toInstant(), counts,
                            List.of((String[]) rs.getArray("failed").getArray()));
                })
                .findOne());
    }

    private void record(Run run, Instant cutoff) {
        var json = new ArrayList<String>();
        // The keys are table names the rules chose, never input: plain letters and underscores.
        run.erased().forEach((table, n) -> json.add("\"" + table.replaceAll("[^a-z_]", "") + "\":" + n));
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO retention_runs (started_at, finished_at, cutoff, erased, failed)
                        VALUES (:started, :finished, :cutoff, CAST(:erased AS jsonb), :failed)""")
                .bind("started", run.startedAt())
                .bind("finished", run.finishedAt())
                .bind("cutoff", cutoff)
                .bind("erased", "{" + String.join(",", json) + "}")
                .bind("failed", run.failed().toArray(String[]::new))
                .execute());
    }
}
