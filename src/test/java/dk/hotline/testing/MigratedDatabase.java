package dk.hotline.testing;

import com.zaxxer.hikari.HikariDataSource;
import dk.hotline.db.Database;
import dk.hotline.db.DatabaseUrl;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** A new test database with every migration applied, for testing one feature without the web tier. */
public final class MigratedDatabase implements AutoCloseable {
    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    public MigratedDatabase() {
        url = TestDatabases.create();
        pool = Database.pool(url, 8);
        Database.migrate(pool);
        jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public HikariDataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        TestDatabases.drop(url);
    }
}
