package dk.hotline.privacy;

import dk.hotline.common.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each time a coordinator is shown personal data in clear (GDPR art. 9 accountability):
 * who, when, what, and why in their own words; and reads the record back, newest first. The
 * reason is never logged: it is free text, and could name someone.
 */
public final class AuditLog {
    /** The longest reason kept: a sentence, not a case note. */
    public static final int MAX_REASON = 300;
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** One look at personal data: the account that looked, what ({@code leader:12}), why, when. */
    public record Entry(long id, long accountId, String action, String subject, Optional<String> reason, Instant at) {}

    /** One page of entries, and how many there are in the window in all. */
    public record Slice(List<Entry> entries, long total) {}

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Written in the same transaction as the read it records, so no reveal goes unrecorded. */
    public void revealed(Handle tx, long coordinatorId, String subject) {
        revealed(tx, coordinatorId, subject, Optional.empty());
    }

    /** As {@link #revealed(Handle, long, String)}, with the coordinator's reason (blank: none). */
    public void revealed(Handle tx, long coordinatorId, String subject, Optional<String> reason) {
        record(tx, coordinatorId, "reveal", subject, reason);
    }

    /**
     * One audited act ({@code reveal}, {@code subject.access}, …) by {@code accountId} on
     * {@code subject}, which names a row ({@code leader:12}) and never holds a number or words.
     */
    public void record(Handle tx, long accountId, String action, String subject, Optional<String> reason) {
        Optional<String> why = reason.map(String::trim).filter(r -> !r.isEmpty());
        if (why.isPresent() && why.get().length() > MAX_REASON) {
            throw new InvalidInputException("reason", "at most " + MAX_REASON + " characters");
        }
        tx.createUpdate("""
                        INSERT INTO audit_log (coordinator_id, action, subject, reason, at)
                        VALUES (:c, :a, :s, :r, :at)""")
                .bind("c", accountId)
                .bind("a", action)
                .bind("s", subject)
                .bind("r", why.orElse(null))
                .bind("at", clock.instant())
                .execute();
        log.info("event=audit.{} account={} subject={} reason={}", action, accountId, subject, why.isPresent());
    }

    /**
     * The entries at or after {@code from} and before {@code to} (either open), newest first,
     * {@code limit} of them from {@code offset}.
     */
    public Slice list(Handle tx, Optional<Instant> from, Optional<Instant> to, int offset, int limit) {
        String where = " WHERE TRUE" + (from.isPresent() ? " AND at >= :from" : "") + (to.isPresent() ? " AND at < :to" : "");
        var count = tx.createQuery("SELECT count(*) FROM audit_log" + where);
        var rows = tx.createQuery("SELECT id, coordinator_id, action, subject, reason, at FROM audit_log" + where
                + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
        from.ifPresent(at -> {
            count.bind("from", at);
            rows.bind("from", at);
        });
        to.ifPresent(at -> {
            count.bind("to", at);
            rows.bind("to", at);
        });
        long total = count.mapTo(Long.class).one();
        List<Entry> entries = rows.bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Entry(rs.getLong("id"), rs.getLong("coordinator_id"), rs.getString("action"),
                        rs.getString("subject"), Optional.ofNullable(rs.getString("reason")),
                        rs.getObject("at", java.time.OffsetDateTime.class).toInstant()))
                .list();
        return new Slice(entries, total);
    }
}
