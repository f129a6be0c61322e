package dk.hotline.db;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the planner's statistics of a table up to date after a burst of writes left them far
 * behind. The planner picks its index by them: with thousands of rows just written to a table it
 * last saw nearly empty, Quartz's look-up of one trigger by its key read every reminder trigger
 * through another index (3.7 ms instead of 0.02 ms with 20,000 of them, under the trigger lock
 * that every instance's scheduling waits for). Autovacuum does the same, but a minute later at
 * best, and never where it is turned off (as on the machine the benchmark ran on). A table is
 * analysed only when more rows changed since its last analysis than {@value #CHANGED_ROWS} and a
 * tenth of it, and checked at most every {@value #CHECK_SECONDS} seconds per instance.
 */
public final class TableStatistics {
    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);
    private static final int CHANGED_ROWS = 1000;
    private static final long CHECK_SECONDS = 5;
    /** Table names go into the ANALYZE statement as they are: plain lower-case names only. */
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    private final Jdbi jdbi;
    /** When each table was last checked (System.nanoTime), guarded by this. */
    private final Map<String, Long> checkedAt = new HashMap<>();

    public TableStatistics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Analyses those of {@code tables} whose statistics are stale. Never fails its caller: stale
     * statistics make queries slower, not wrong.
     */
    public void refreshIfStale(String... tables) {
        long now = System.nanoTime();
        List<String> due = Arrays.stream(tables).filter(table -> dueForCheck(table, now)).toList();
        if (due.isEmpty()) {
            return;
        }
        try {
            jdbi.useHandle(h -> {
                List<String> stale = h.createQuery("""
                                SELECT relname FROM pg_stat_user_tables
                                WHERE relname = ANY(:tables) AND n_mod_since_analyze > :changed + 0.1 * n_live_tup""")
                        .bindArray("tables", String.class, due).bind("changed", CHANGED_ROWS)
                        .mapTo(String.class).list();
                for (String table : stale) {
                    h.execute("ANALYZE " + table);
                    log.info("event=db.analyzed table={}", table);
                }
            });
        } catch (RuntimeException e) {
            log.warn("event=db.analyze_failed error={}", e.getClass().getSimpleName());
        }
    }

    private synchronized boolean dueForCheck(String table, long now) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        Long last = checkedAt.get(table);
        if (last != null && now - last < TimeUnit.SECONDS.toNanos(CHECK_SECONDS)) {
            return false;
        }
        checkedAt.put(table, now);
        return true;
    }
}
