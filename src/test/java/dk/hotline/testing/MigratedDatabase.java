package dk.hotline.testing;

import com.zaxxer.hikari.HikariDataSource;
import dk.hotline.db.Database;
import dk.hotline.db.DatabaseUrl;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** A new test database with every migration applied, for testing one feature without the web tier. */
public final class MigratedDatabase implements AutoCloseable {
    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final List<HikariDataSource> otherPools = new ArrayList<>();

    public MigratedDatabase() {
        url = TestDatabases.create();
        pool = Database.pool(url, 8);
        Database.migrate(pool);
        jdbi = jdbi(pool);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public HikariDataSource dataSource() {
        return pool;
    }

    /** Another pool of {@code size} connections to this database, as a second service instance has; closed with it. */
    public Jdbi newPool(int size) {
        var other = Database.pool(url, size);
        otherPools.add(other);
        return jdbi(other);
    }

    private static Jdbi jdbi(HikariDataSource pool) {
        return Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    @Override
    public void close() {
        otherPools.forEach(HikariDataSource::close);
        pool.close();
        TestDatabases.drop(url);
    }
}
