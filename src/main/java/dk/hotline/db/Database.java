package dk.hotline.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The connection pool and the schema. */
public final class Database {
    private Database() {}

    public static HikariDataSource pool(DatabaseUrl url, int maxSize) {
        var config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        config.setMaximumPoolSize(maxSize);
        config.setPoolName("hotline");
        // Fail fast when the database is gone, so /health answers 503 within its callers' patience
        // instead of hanging; a request is told 503 and Retry-After rather than held. Hikari keeps
        // trying to connect in the background and serves requests again once the database answers.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(10_000);
        return new HikariDataSource(config);
    }

    /** Jdbi over the pool, with SQL objects (DAO interfaces) and PostgreSQL's types. */
    public static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    /** Applies every migration in {@code db/migration}, Quartz's tables included. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
