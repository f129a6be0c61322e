package dk.hotline.db;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.MigratedDatabase;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a burst of writes the planner's row count is brought up to date, so that it picks indexes
 * for the table as it is; a table that has barely changed is left alone.
 */
class TableStatisticsTest {
    private final MigratedDatabase db = new MigratedDatabase();
    private final TableStatistics statistics = new TableStatistics(db.jdbi());

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aTableWrittenInABurstIsAnalysedAndAQuietOneIsNot() {
        db.jdbi().useHandle(h -> {
            h.execute("CREATE TABLE burst (id bigint PRIMARY KEY, name text)");
            h.execute("CREATE TABLE quiet (id bigint PRIMARY KEY, name text)");
            h.execute("INSERT INTO burst SELECT g, 'n' || g FROM generate_series(1, 20000) g");
            h.execute("INSERT INTO quiet SELECT g, 'n' || g FROM generate_series(1, 10) g");
            flushCounters(h);
        });

        statistics.refreshIfStale("burst", "quiet");

        assertThat(plannerRows("burst")).isEqualTo(20000);
        assertThat(plannerRows("quiet")).as("never analysed").isEqualTo(-1);
    }

    private static void flushCounters(Handle h) {
        // The server counts a session's writes in pg_stat_user_tables once the session reports them.
        h.createQuery("SELECT pg_stat_force_next_flush()").mapTo(String.class).one();
        h.execute("SELECT 1");
    }

    private long plannerRows(String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT reltuples::bigint FROM pg_class WHERE relname = :t")
                .bind("t", table).mapTo(Long.class).one());
    }
}
