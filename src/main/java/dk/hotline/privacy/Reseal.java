package dk.hotline.privacy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-seals stored personal data under the current key: every sealed value that names another key
 * (the previous one during a rotation) or no key (sealed before key ids) is opened and sealed anew,
 * and the blind index beside a number is computed again. In batches of {@value #BATCH} rows per
 * table and transaction, taken {@code FOR UPDATE SKIP LOCKED}, so instances never wait on each other
 * and a request that writes a row is never held up for long. A number kept only as its blind index
 * (opt-outs from before key ids) is given its sealed number back when another table holds it.
 *
 * <p>Progress is logged ({@code event=reseal.progress}) and shown as the gauge
 * {@code hotline_reseal_rows_left} by table; once nothing is left during a rotation it says once
 * that the previous key can be dropped.
 */
public final class Reseal {
    private static final Logger log = LoggerFactory.getLogger(Reseal.class);
    public static final int BATCH = 500;
    /** A unique index met while moving a row to the current key's index. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;
    private final Sealing sealing;
    private final List<SealedTable> tables;
    private final Map<String, AtomicLong> left = new LinkedHashMap<>();
    private final AtomicBoolean doneSaid = new AtomicBoolean();

    public Reseal(Jdbi jdbi, Sealing sealing, List<SealedTable> tables, MeterRegistry metrics) {
        this.jdbi = jdbi;
        this.sealing = sealing;
        this.tables = List.copyOf(tables);
        for (SealedTable table : this.tables) {
            var rows = left.computeIfAbsent(table.table(), t -> new AtomicLong());
            Gauge.builder("hotline_reseal_rows_left", rows, AtomicLong::get).tag("table", table.table())
                    .description("rows with a value not sealed under the current encryption key").register(metrics);
        }
    }

    /** Re-seals everything there is to re-seal, batch after batch, and says when the previous key may go. */
    public void run() {
        for (SealedTable table : tables) {
            int done;
            do {
                done = batch(table, BATCH);
                if (done > 0) {
                    long rows = count(table);
                    left.get(table.table()).set(rows);
                    log.info("event=reseal.progress table={} done={} left={}", table.table(), done, rows);
                }
            } while (done > 0);
        }
        int indexOnly = new IndexOnlyNumbers(jdbi, sealing, tables).recover();
        long remaining = countLeft().values().stream().mapToLong(Long::longValue).sum();
        if (remaining == 0 && sealing.cipher().rotating() && doneSaid.compareAndSet(false, true)) {
            log.info("event=reseal.done keys={} index_only={} note=\"every sealed value is under the current key: "
                    + "HOTLINE_ENCRYPTION_KEY_PREVIOUS can be removed\"", sealing.cipher().keyIds(), indexOnly);
        } else if (remaining > 0) {
            log.warn("event=reseal.incomplete left={}", remaining);
        }
    }

    /** One batch of at most {@code limit} rows in each table; how many rows were re-sealed in all. */
    public int batch(int limit) {
        int done = 0;
        for (SealedTable table : tables) {
            done += batch(table, limit);
        }
        countLeft();
        return done;
    }

    /** Rows not yet under the current key, by table; also sets the gauge. */
    public Map<String, Long> countLeft() {
        // One statement for all tables: a round trip and a statement set-up per table was most of
        // the count's share of start-up, where it runs once for the log line.
        var branches = new ArrayList<String>();
        for (int i = 0; i < tables.size(); i++) {
            branches.add("SELECT " + i + " AS i, count(*) AS n FROM " + tables.get(i).table() + " WHERE " + notCurrent(tables.get(i)));
        }
        List<Map.Entry<Integer, Long>> rows = jdbi.withHandle(h -> h.createQuery(String.join(" UNION ALL ", branches) + " ORDER BY i")
                .bind("header", sealing.cipher().currentHeader())
                .map((rs, ctx) -> Map.entry(rs.getInt("i"), rs.getLong("n"))).list());
        var counts = new LinkedHashMap<String, Long>();
        for (var row : rows) {
            String table = tables.get(row.getKey()).table();
            left.get(table).set(row.getValue());
            counts.merge(table, row.getValue(), Long::sum);
        }
        return counts;
    }

    private long count(SealedTable table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table.table() + " WHERE " + notCurrent(table))
                .bind("header", sealing.cipher().currentHeader()).mapTo(Long.class).one());
    }

    private int batch(SealedTable table, int limit) {
        return jdbi.inTransaction(tx -> {
            var rows = tx.createQuery("SELECT ctid::text AS row_id, " + String.join(", ", table.sealed()) + " FROM "
                            + table.table() + " WHERE " + notCurrent(table) + " LIMIT :limit FOR UPDATE SKIP LOCKED")
                    .bind("header", sealing.cipher().currentHeader()).bind("limit", limit)
                    .mapToMap().list();
            int done = 0;
            for (Map<String, Object> row : rows) {
                if (reseal(tx, table, row)) {
                    done++;
                }
            }
            return done;
        });
    }

    /** One row in a savepoint: a value no key opens, or a unique index met, leaves it as it was and is logged. */
    private boolean reseal(Handle tx, SealedTable table, Map<String, Object> row) {
        var sets = new ArrayList<String>();
        var values = new LinkedHashMap<String, Object>();
        try {
            for (String column : table.sealed()) {
                byte[] value = (byte[]) row.get(column);
                if (value != null && !sealing.cipher().isCurrent(value)) {
                    sets.add(column + " = :" + column);
                    values.put(column, sealing.cipher().seal(sealing.cipher().open(value)));
                }
            }
            table.number().ifPresent(number -> {
                byte[] phone = (byte[]) row.get(number.sealed());
                if (phone != null) {
                    sets.add(number.index() + " = :index_value");
                    values.put("index_value", sealing.index().of(sealing.cipher().openPhone(phone)));
                }
            });
        } catch (PersonalDataException e) {
            log.error("event=reseal.unreadable table={} error={}", table.table(), e.getMessage());
            return false;
        }
        tx.savepoint("reseal_row");
        try {
            var update = tx.createUpdate("UPDATE " + table.table() + " SET " + String.join(", ", sets)
                    + " WHERE ctid = CAST(:row_id AS tid)").bind("row_id", (String) row.get("row_id"));
            values.forEach(update::bind);
            update.execute();
            tx.release("reseal_row");
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (!(e.getCause() instanceof java.sql.SQLException sql) || !UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw e;
            }
            tx.rollbackToSavepoint("reseal_row");
            log.error("event=reseal.conflict table={} note=\"another row of the same number already has the current key's index\"",
                    table.table());
            return false;
        }
    }

    /** SQL: a row with a sealed value that does not start with the current key's header. */
    static String notCurrent(SealedTable table) {
        return "(" + table.sealed().stream()
                .map(c -> "(" + c + " IS NOT NULL AND substring(" + c + " from 1 for " + PersonalDataCipher.HEADER_BYTES + ") <> :header)")
                .collect(Collectors.joining(" OR ")) + ")";
    }
}
