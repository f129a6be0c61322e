package dk.hotline.db;

import com.zaxxer.hikari.HikariDataSource;
import dk.hotline.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * A new database migrated only up to a given version, for a migration test to fill as the service
 * of that time would have, then {@link #migrate} the rest of the way. Dropped on close.
 */
final class DatabaseBeforeMigration implements AutoCloseable {
    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    DatabaseBeforeMigration(String version) {
        url = TestDatabases.create();
        pool = Database.pool(url, 2);
        flyway(version).migrate();
        jdbi = Jdbi.create(pool);
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Every migration after the version it was made at. */
    void migrate() {
        flyway(null).migrate();
    }

    @Override
    public void close() {
        pool.close();
        TestDatabases.drop(url);
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(pool).locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }
}
