package dk.hotline.privacy;

import dk.hotline.common.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each time a coordinator is shown personal data in clear (GDPR art. 9 accountability),
 * and every other act the organisation must be able to account for (sign-ins, account, leader and
 * rota changes, access exports, erasures): who, when, what, why in their own words, and from
 * where; and reads the record back, newest first. The reason is never logged: it is free text,
 * and could name someone.
 *
 * <p>The database chains every row to the one before (V30: the SHA-256 of the previous hash and
 * the row's canonical content, appended under one lock) and refuses to change or delete one;
 * {@link AuditChain} verifies the chain.
 */
public final class AuditLog {
    /** The longest reason kept: a sentence, not a case note. */
    public static final int MAX_REASON = 300;
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /**
     * One audited act: the account that acted (none for a failed sign-in), what ({@code reveal}
     * of {@code leader:12}), why, when, from which address, and the row's hash in the chain.
     */
    public record Entry(long id, Optional<Long> accountId, String action, String subject, Optional<String> reason, Instant at,
                        Optional<String> address, byte[] hash) {}

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

    /** As {@link #revealed(Handle, long, String, Optional)}, with where the request came from. */
    public void revealed(Handle tx, Actor by, String subject, Optional<String> reason) {
        record(tx, by, "reveal", subject, reason);
    }

    /**
     * One audited act ({@code reveal}, {@code subject.access}, …) by {@code accountId} on
     * {@code subject}, which names a row ({@code leader:12}) and never holds a number or words.
     */
    public void record(Handle tx, long accountId, String action, String subject, Optional<String> reason) {
        record(tx, new Actor(Optional.of(accountId), Optional.empty()), action, subject, reason);
    }

    /**
     * An act's row for the service that does it ({@link Audited}): {@code action} by {@code by}
     * on the subject named from what was done ({@code l -> "leader:" + l.id()}).
     */
    public <T> Audited<T> act(Actor by, String action, Function<T, String> subject) {
        return act(by, action, subject, Optional.empty());
    }

    /** As {@link #act(Actor, String, Function)}, with the reason given for it. */
    public <T> Audited<T> act(Actor by, String action, Function<T, String> subject, Optional<String> reason) {
        return (tx, done) -> record(tx, by, action, subject.apply(done), reason);
    }

    /**
     * As {@link #record(Handle, long, String, String, Optional)}, by an account or nobody yet (a
     * failed sign-in), from an address. Best last in its transaction: the append holds the
     * chain's lock until the transaction ends, and every audited act waits for it.
     */
    public void record(Handle tx, Actor by, String action, String subject, Optional<String> reason) {
        Optional<String> why = reason.map(String::trim).filter(r -> !r.isEmpty());
        if (why.isPresent() && why.get().length() > MAX_REASON) {
            throw new InvalidInputException("reason", "at most " + MAX_REASON + " characters");
        }
        tx.createUpdate("""
                        INSERT INTO audit_log (coordinator_id, action, subject, reason, at, address)
                        VALUES (:c, :a, :s, :r, :at, :address)""")
                .bind("c", by.accountId().orElse(null))
                .bind("address", by.address().orElse(null))
                .bind("a", action)
                .bind("s", subject)
                .bind("r", why.orElse(null))
                .bind("at", clock.instant())
                .execute();
        log.info("event=audit.{} account={} subject={} reason={}", action, by.accountId().map(String::valueOf).orElse("none"),
                subject, why.isPresent());
    }

    /**
     * The entries at or after {@code from} and before {@code to} (either open), newest first,
     * {@code limit} of them from {@code offset}.
     */
    public Slice list(Handle tx, Optional<Instant> from, Optional<Instant> to, int offset, int limit) {
        String where = " WHERE TRUE" + (from.isPresent() ? " AND at >= :from" : "") + (to.isPresent() ? " AND at < :to" : "");
        var count = tx.createQuery("SELECT count(*) FROM audit_log" + where);
        var rows = tx.createQuery("SELECT id, coordinator_id, action, subject, reason, at, address, hash FROM audit_log" + where
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
                .map((rs, ctx) -> new Entry(rs.getLong("id"), Optional.ofNullable(rs.getObject("coordinator_id", Long.class)),
                        rs.getString("action"), rs.getString("subject"), Optional.ofNullable(rs.getString("reason")),
                        rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), Optional.ofNullable(rs.getString("address")),
                        rs.getBytes("hash")))
                .list();
        return new Slice(entries, total);
    }
}
