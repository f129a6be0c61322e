package dk.hotline.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Verifies the audit log's hash chain (V30): from the anchor (the hash the oldest kept row chains
 * to), each row's hash must be the SHA-256 of the previous hash and the row's canonical content,
 * and the newest row must be the one the chain's head names. So a row changed, removed or slipped
 * in after the fact, even by a database superuser with the trigger switched off, is named: the
 * first row whose hash does not follow. (Someone who rewrites every hash after the change as well
 * is caught only against a copy of a hash kept elsewhere: retention logs the head at every run.)
 *
 * <p>The canonical content is computed here in Java, independently of the database function that
 * writes the hashes, in the same form: each field on its own line, text as its length in UTF-8
 * bytes, a colon and itself, NULL as {@code -}, the time in UTC to the microsecond.
 */
public final class AuditChain {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int FETCH = 500;

    /** The first row that does not follow the chain; its time is unknown when it is the missing newest row. */
    public record Broken(long id, Optional<Instant> at) {}

    /** The chain's state: ok, how many rows were read, and where it first breaks. */
    public record Verdict(boolean ok, long rows, Optional<Broken> firstBroken) {}

    private record Head(Long lastId, byte[] lastHash, byte[] anchorHash) {}

    private record Row(long id, Instant at, Long account, String action, String subject, String reason, String address,
                       byte[] hash) {}

    private final Jdbi jdbi;

    public AuditChain(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Reads the whole log in one snapshot (repeatable read), oldest first, a page at a time. */
    public Verdict verify() {
        return jdbi.inTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, this::verify);
    }

    private Verdict verify(Handle tx) {
        var head = tx.createQuery("SELECT last_id, last_hash, anchor_hash FROM audit_chain")
                .map((rs, ctx) -> new Head(rs.getObject("last_id", Long.class), rs.getBytes("last_hash"), rs.getBytes("anchor_hash")))
                .one();
        byte[] previous = head.anchorHash();
        long rows = 0;
        Row last = null;
        try (var stream = tx.createQuery("""
                        SELECT id, at, coordinator_id, action, subject, reason, address, hash FROM audit_log ORDER BY id""")
                .setFetchSize(FETCH)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getObject("coordinator_id", Long.class), rs.getString("action"), rs.getString("subject"),
                        rs.getString("reason"), rs.getString("address"), rs.getBytes("hash")))
                .stream()) {
            Iterator<Row> it = stream.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                rows++;
                byte[] expected = hash(previous, row);
                if (!MessageDigest.isEqual(expected, row.hash())) {
                    return new Verdict(false, rows, Optional.of(new Broken(row.id(), Optional.of(row.at()))));
                }
                previous = row.hash();
                last = row;
            }
        }
        // The head names the newest row appended: a removed tail leaves it pointing past the end.
        boolean tailKept = last == null ? head.lastHash() == null || Arrays.equals(head.lastHash(), head.anchorHash())
                : head.lastId() != null && head.lastId() == last.id() && Arrays.equals(head.lastHash(), last.hash());
        if (!tailKept) {
            long missing = head.lastId() != null ? head.lastId() : last == null ? 0 : last.id();
            return new Verdict(false, rows, Optional.of(new Broken(missing, Optional.empty())));
        }
        return new Verdict(true, rows, Optional.empty());
    }

    /** The newest row's id and hash (hex), for the log: a copy of the head outside the database. */
    public Optional<String> head() {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_id, encode(last_hash, 'hex') AS hash FROM audit_chain WHERE last_id IS NOT NULL")
                .map((rs, ctx) -> rs.getLong("last_id") + ":" + rs.getString("hash")).findOne());
    }

    private static byte[] hash(byte[] previous, Row row) {
        String canonical = String.join("\n", String.valueOf(row.id()), TIME.format(row.at()),
                row.account() == null ? "-" : String.valueOf(row.account()), field(row.action()), field(row.subject()),
                field(row.reason()), field(row.address()));
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String field(String value) {
        return value == null ? "-" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }
}
