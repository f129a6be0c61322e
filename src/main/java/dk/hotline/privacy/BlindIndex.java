package dk.hotline.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A keyed, deterministic fingerprint of a phone number, stored beside its ciphertext so that
 * "do we know this caller?" is an indexed equality lookup instead of decrypting every row.
 * Keyed (not a plain hash) because the space of phone numbers is small enough to brute-force.
 *
 * <p>The key comes from the encryption key, so a key rotation changes every index. While it runs
 * (a previous key is given) a row may still carry the previous key's index until the re-seal job
 * reaches it: a lookup matches {@link #candidates} ({@code = ANY(:indexes)}), a write stores
 * {@link #of}. Thread-safe.
 */
public final class BlindIndex {
    static final String LABEL = "hotline/blind-index/v1";

    private final SecretKeySpec key;
    private final Optional<SecretKeySpec> previous;

    public BlindIndex(EncryptionKey master) {
        this(master, Optional.empty());
    }

    public BlindIndex(EncryptionKey current, Optional<EncryptionKey> previous) {
        this.key = current.derive(LABEL, HmacSha256.ALGORITHM);
        this.previous = previous.map(p -> p.derive(LABEL, HmacSha256.ALGORITHM));
    }

    /** HMAC-SHA256 of the E.164 form under the current key, 32 bytes: what a write stores. Null for null. */
    public byte[] of(PhoneNumber number) {
        return number == null ? null : compute(key, number);
    }

    /**
     * Every index a stored row of this number may carry: the current key's first, then the previous
     * key's during a rotation. The one way to look a number up:
     * {@code WHERE phone_index = ANY(:indexes)} with {@code bind("indexes", index.candidates(number))}
     * (or {@code @Bind("indexes") BlindIndex.Candidates}); {@link Candidates#values} are the bytes.
     * Empty for null.
     */
    public Candidates candidates(PhoneNumber number) {
        if (number == null) {
            return new Candidates(List.of());
        }
        return new Candidates(previous.map(p -> List.of(compute(key, number), compute(p, number)))
                .orElseGet(() -> List.of(compute(key, number))));
    }

    /** The indexes a number may be stored under, current key first; binds as a PostgreSQL {@code bytea[]}. */
    public record Candidates(List<byte[]> values) implements Argument {
        public Candidates {
            values = List.copyOf(values);
        }

        /** Whether {@code stored} is one of them. */
        public boolean matches(byte[] stored) {
            return values.stream().anyMatch(v -> Arrays.equals(v, stored));
        }

        @Override
        public void apply(int position, PreparedStatement statement, StatementContext ctx) throws SQLException {
            statement.setArray(position, statement.getConnection().createArrayOf("bytea", values.toArray(new byte[0][])));
        }

        @Override
        public String toString() {
            return "BlindIndex.Candidates[" + values.size() + "]";
        }
    }

    /** The previous key's index of this number, during a rotation. */
    Optional<byte[]> previousOf(PhoneNumber number) {
        return number == null ? Optional.empty() : previous.map(p -> compute(p, number));
    }

    /**
     * During a rotation, moves this number's rows in {@code table} that still carry the previous
     * key's index to the current key's, so that a unique index on {@code indexColumn} sees one row
     * per number when the caller then writes one (the sealed number stays readable under the previous
     * key until the re-seal job reaches it). Call it in the writing transaction, before an insert
     * that relies on such a unique index or on {@code ON CONFLICT}. Does nothing outside a rotation.
     */
    public void reindex(Handle tx, String table, String indexColumn, PhoneNumber number) {
        var old = previousOf(number);
        if (old.isEmpty()) {
            return;
        }
        tx.createUpdate("UPDATE " + table + " SET " + indexColumn + " = :current WHERE " + indexColumn + " = :previous")
                .bind("current", of(number)).bind("previous", old.get()).execute();
    }

    private static byte[] compute(SecretKeySpec key, PhoneNumber number) {
        return HmacSha256.compute(key, number.e164().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "BlindIndex[" + LABEL + (previous.isPresent() ? ", rotating" : "") + "]";
    }
}
