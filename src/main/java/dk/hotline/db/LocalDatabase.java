package dk.hotline.db;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database for a run without {@code DATABASE_URL}: an embedded PostgreSQL kept under the data
 * folder (see {@link EmbeddedDatabase}), or, for root (whom PostgreSQL refuses to run as), a
 * PostgreSQL on 127.0.0.1:5432.
 */
public final class LocalDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalDatabase.class);
    public static final DatabaseUrl LOCAL_SERVER = new DatabaseUrl("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null);
    private static final String DATABASE = "hotline";

    private final EmbeddedDatabase embedded;
    private final DatabaseUrl url;

    private LocalDatabase(EmbeddedDatabase embedded, DatabaseUrl url) {
        this.embedded = embedded;
        this.url = url;
    }

    public static LocalDatabase start(Path dataDir) {
        if ("root".equals(System.getProperty("user.name"))) {
            if (!answers(LOCAL_SERVER)) {
                throw new IllegalStateException("Running as root without DATABASE_URL, and no PostgreSQL answers on 127.0.0.1:5432. "
                        + "PostgreSQL refuses to run as root, so the embedded database cannot start. Either run as an ordinary "
                        + "user (e.g. `useradd -m hotline && su hotline`), or start PostgreSQL on 127.0.0.1:5432 with user "
                        + "postgres and trust auth, or set DATABASE_URL=postgres://user:pass@host:5432/db.");
            }
            log.info("event=database.local server=127.0.0.1:5432 database={}", DATABASE);
            return new LocalDatabase(null, ensureDatabase(LOCAL_SERVER, DATABASE));
        }
        try {
            var embedded = EmbeddedDatabase.start(dataDir);
            log.info("event=database.embedded dir={} port={}", embedded.dataDir(), embedded.port());
            try {
                return new LocalDatabase(embedded, ensureDatabase(embedded.server(), DATABASE));
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL under " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public DatabaseUrl url() {
        return url;
    }

    public static boolean answers(DatabaseUrl server) {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = connect(server)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates the database on that server unless it exists; returns its URL. */
    public static DatabaseUrl ensureDatabase(DatabaseUrl server, String name) {
        try (Connection c = connect(server); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE \"" + name + "\"");
                }
            }
            return server.withDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + server + ": " + e.getMessage(), e);
        }
    }

    public static Connection connect(DatabaseUrl url) throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
