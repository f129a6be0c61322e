package dk.hotline.testing;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Where tests get a real PostgreSQL, in this order (the README names it): HOTLINE_TEST_DATABASE_URL,
 * else 127.0.0.1:5432 as postgres, else an embedded one. Each test class makes its own database
 * and drops it after.
 */
public final class TestDatabases {
    private static DatabaseUrl server;

    private TestDatabases() {}

    public static synchronized DatabaseUrl server() {
        if (server == null) {
            String configured = System.getenv("HOTLINE_TEST_DATABASE_URL");
            if (configured != null && !configured.isBlank()) {
                server = DatabaseUrl.parse(configured);
            } else if (LocalDatabase.answers(LocalDatabase.LOCAL_SERVER)) {
                server = LocalDatabase.LOCAL_SERVER;
            } else {
                server = embedded();
            }
        }
        return server;
    }

    private static DatabaseUrl embedded() {
        try {
            var pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
            return new DatabaseUrl("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres", "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL for tests: set HOTLINE_TEST_DATABASE_URL", e);
        }
    }

    /** A new, empty database on the test server. */
    public static DatabaseUrl create() {
        String name = "hotline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return LocalDatabase.ensureDatabase(server(), name);
    }

    /** The database as one {@code DATABASE_URL} value, the user folded into the query. */
    public static String asEnvironmentValue(DatabaseUrl db) {
        return db.user() == null ? db.jdbcUrl() : db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.user();
    }

    /**
     * Makes the database refuse every new connection and ends the ones open ({@code false}), or
     * takes connections again ({@code true}): an outage as the service sees one.
     */
    public static void acceptConnections(DatabaseUrl db, boolean accept) {
        String name = name(db);
        try (var c = LocalDatabase.connect(server()); var st = c.createStatement()) {
            st.execute("ALTER DATABASE \"" + name + "\" WITH ALLOW_CONNECTIONS " + accept);
            if (!accept) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not change connections to " + name, e);
        }
    }

    private static String name(DatabaseUrl db) {
        return db.jdbcUrl().replaceFirst("^jdbc:postgresql://[^/]+/([^?]*).*$", "$1");
    }

    public static void drop(DatabaseUrl db) {
        String name = name(db);
        try (var c = LocalDatabase.connect(server()); var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }
}
