package dk.hotline.privacy;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part of {@link Reseal}: rows that keep a number only as its blind index (opt-outs from before key
 * ids) cannot be moved to a new key's index by themselves. Their number is looked for in every table
 * that seals a number beside its index; found, it is sealed beside the row's index and the index moved
 * to the current key's, so the row can be re-sealed by any later rotation too.
 */
final class IndexOnlyNumbers {
    private static final Logger log = LoggerFactory.getLogger(IndexOnlyNumbers.class);

    private final Jdbi jdbi;
    private final Sealing sealing;
    private final List<SealedTable> tables;

    IndexOnlyNumbers(Jdbi jdbi, Sealing sealing, List<SealedTable> tables) {
        this.jdbi = jdbi;
        this.sealing = sealing;
        this.tables = tables;
    }

    /**
     * Rows that keep a number only as its blind index (opt-outs from before key ids) get the number
     * back, sealed under the current key with the current index, from any other table that holds it
     * under either index. Returns how many stay index-only: the number is stored nowhere else.
     */
    int recover() {
        int still = 0;
        for (SealedTable table : tables) {
            if (table.number().isEmpty()) {
                continue;
            }
            var number = table.number().get();
            List<byte[]> indexes = jdbi.withHandle(h -> h.createQuery("SELECT " + number.index() + " FROM " + table.table()
                    + " WHERE " + number.sealed() + " IS NULL AND " + number.index() + " IS NOT NULL")
                    .mapTo(byte[].class).list());
            int recovered = 0;
            for (byte[] index : indexes) {
                var phone = find(index);
                if (phone.isEmpty()) {
                    still++;
                    continue;
                }
                // Another row already under the current index keeps this one as it is, for a unique index's sake.
                recovered += jdbi.inTransaction(tx -> tx.createUpdate("UPDATE " + table.table() + " AS r SET " + number.sealed()
                                + " = :sealed, " + number.index() + " = :current WHERE r." + number.index() + " = :old AND r."
                                + number.sealed() + " IS NULL AND NOT EXISTS (SELECT 1 FROM " + table.table() + " AS o WHERE o."
                                + number.index() + " = :current AND o.ctid <> r.ctid)")
                        .bind("sealed", sealing.cipher().sealPhone(phone.get()))
                        .bind("current", sealing.index().of(phone.get())).bind("old", index).execute());
            }
            if (recovered > 0) {
                log.info("event=reseal.progress table={} recovered_numbers={}", table.table(), recovered);
            }
        }
        return still;
    }

    /** The number whose index under either key is {@code index}, from any table that seals it beside its index. */
    private Optional<PhoneNumber> find(byte[] index) {
        for (SealedTable table : tables) {
            if (table.number().isEmpty()) {
                continue;
            }
            var number = table.number().get();
            var sealed = jdbi.withHandle(h -> h.createQuery("SELECT " + number.sealed() + " FROM " + table.table()
                    + " WHERE " + number.index() + " = :index AND " + number.sealed() + " IS NOT NULL LIMIT 1")
                    .bind("index", index).mapTo(byte[].class).findOne());
            if (sealed.isPresent()) {
                try {
                    PhoneNumber phone = sealing.cipher().openPhone(sealed.get());
                    if (sealing.index().candidates(phone).matches(index)) {
                        return Optional.of(phone);
                    }
                } catch (PersonalDataException e) {
                    log.error("event=reseal.unreadable table={} error={}", table.table(), e.getMessage());
                }
            }
        }
        return Optional.empty();
    }
}
