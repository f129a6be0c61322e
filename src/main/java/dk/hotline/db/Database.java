package dk.hotline.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

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
        // Fail fast when the database is gone, so /health answers 503 instead of hanging.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(10_000);
        return new HikariDataSource(config);
    }

    /** Applies every migration in {@code db/migration}, Quartz's tables included. */
    public static void migrate(javax.sql.DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
