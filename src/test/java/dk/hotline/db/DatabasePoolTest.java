package dk.hotline.db;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.DatabaseRelay;
import dk.hotline.testing.TestDatabases;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pool against a database that goes away and comes back, as an external {@code DATABASE_URL}
 * does when its server restarts: the database sits behind a {@link DatabaseRelay} this test cuts and restores.
 */
class DatabasePoolTest {
    private final DatabaseUrl db = TestDatabases.create();
    private DatabaseRelay relay;

    @AfterEach
    void drop() throws IOException {
        if (relay != null) {
            relay.close();
        }
        TestDatabases.drop(db);
    }

    @Test
    void aRequestWaitingOnThePoolHearsWithinTwoSecondsThatTheDatabaseIsGoneAndThePoolReconnectsByItself() throws Exception {
        relay = DatabaseRelay.open(db);
        try (var pool = Database.pool(relay.url(), 2)) {
            assertThat(up(pool)).isTrue();

            for (var outage : List.of(DatabaseRelay.Outage.REFUSED, DatabaseRelay.Outage.UNANSWERED)) {
                relay.cut(outage);
                // The first asks meet the connections the cut ended, which fail at once; what
                // matters is each later ask, once only new connections could answer.
                up(pool);
                up(pool);
                long started = System.nanoTime();
                boolean upDuringOutage = up(pool);
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(upDuringOutage).as(outage.name()).isFalse();
                assertThat(took).as("how long /health's question to the pool waits, " + outage)
                        .isLessThan(Duration.ofMillis(2_500));

                relay.restore();
                Await.until("the pool connects again by itself after " + outage, Duration.ofSeconds(30), () -> up(pool));
            }
        }
    }

    /** What /health asks. */
    private static boolean up(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
