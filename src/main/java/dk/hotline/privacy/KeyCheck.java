package dk.hotline.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Refuses to start with a key that does not open the stored data. Without it a wrong
 * {@code HOTLINE_ENCRYPTION_KEY} would start fine and answer 500 to every look at a number, and
 * seal new data under a key nobody meant to keep. It opens the key check (a fixed text sealed
 * at the first start, {@code key_check}) and, in every sealed column, one value not under the
 * current key (sealed under the previous key, or before key ids); any of them that no key given
 * opens stops start-up, naming the key ids involved. Then, on a database without one, it seals
 * the key check.
 */
public final class KeyCheck {
    /** The key check is re-sealed with everything else. */
    public static final SealedTable SEALED = SealedTable.values("key_check", "probe_sealed");
    /** It holds no personal data, only a fixed text. */
    public static final RetentionRule RETENTION = new RetentionRule.Kept("key_check",
            "a fixed text sealed at first start, no personal data: tells a wrong encryption key at start-up");
    private static final String PROBE = "hotline key check";

    private KeyCheck() {}

    /** Throws {@link WrongKeyException} when a stored value opens with neither key. */
    public static void verify(Jdbi jdbi, PersonalDataCipher cipher, List<SealedTable> tables, Instant now) {
        var all = new ArrayList<>(tables);
        if (!all.contains(SEALED)) {
            all.add(SEALED);
        }
        // Every column's sample in one statement: a round trip and a statement set-up per column
        // was most of this check's share of start-up.
        var where = new ArrayList<String>();
        var branches = new ArrayList<String>();
        for (SealedTable table : all) {
            for (String column : table.sealed()) {
                branches.add("(SELECT " + where.size() + " AS i, " + column + " AS v FROM " + table.table() + " WHERE "
                        + Reseal.notCurrent(SealedTable.values(table.table(), column)) + " LIMIT 1)");
                where.add(table.table() + "." + column);
            }
        }
        List<Map.Entry<Integer, byte[]>> samples = jdbi.withHandle(h -> h.createQuery(String.join(" UNION ALL ", branches) + " ORDER BY i")
                .bind("header", cipher.currentHeader())
                .map((rs, ctx) -> Map.entry(rs.getInt("i"), rs.getBytes("v"))).list());
        for (var sample : samples) {
            open(cipher, where.get(sample.getKey()), sample.getValue());
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO key_check (probe_sealed, created_at) VALUES (:sealed, :now) ON CONFLICT DO NOTHING""")
                .bind("sealed", cipher.seal(PROBE)).bind("now", now).execute());
    }

    private static void open(PersonalDataCipher cipher, String where, byte[] value) {
        try {
            cipher.open(value);
        } catch (PersonalDataException e) {
            throw new WrongKeyException("the encryption key does not open the data in this database: a value in "
                    + where + " was sealed under key " + PersonalDataCipher.keyIdOf(value).orElse("(no key id: sealed before key ids)")
                    + ", and this service holds key " + cipher.keyIds() + ". Start with the key the data was sealed with; "
                    + "to change keys, set the new one as HOTLINE_ENCRYPTION_KEY and the old one as HOTLINE_ENCRYPTION_KEY_PREVIOUS");
        }
    }

    /** The key given does not open what is stored. */
    public static final class WrongKeyException extends RuntimeException {
        WrongKeyException(String message) {
            super(message);
        }
    }
}
