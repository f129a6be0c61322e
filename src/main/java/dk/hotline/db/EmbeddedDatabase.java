package dk.hotline.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL under the data folder, kept to the service's own OS user: its data, its
 * programs and its password in owner-only files, every connection asked for that password, and
 * fsync on. While it runs, a watcher starts it again on the same folder and port when it exits.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String SUPERUSER = "postgres";
    private static final Duration WATCH_EVERY = Duration.ofSeconds(2);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private final Layout layout;
    private final String password;
    private final int port;
    private final ScheduledExecutorService watcher;
    private EmbeddedPostgres running; // guarded by this
    private boolean closed; // guarded by this

    /** Where everything lies under the service's data folder. */
    private record Layout(Path data, Path binaries, Path passwordFile) {
        static Layout under(Path dataFolder) {
            Path base = dataFolder.toAbsolutePath();
            return new Layout(base.resolve("postgres"), base.resolve("postgres-binaries"), base.resolve("postgres.password"));
        }
    }

    private EmbeddedDatabase(Layout layout, String password, int port, EmbeddedPostgres running) {
        this.layout = layout;
        this.password = password;
        this.port = port;
        this.running = running;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "embedded-postgres-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    static EmbeddedDatabase start(Path dataFolder) throws IOException {
        var layout = Layout.under(dataFolder);
        PrivateFiles.folder(dataFolder.toAbsolutePath());
        PrivateFiles.folder(layout.binaries());
        if (!Files.exists(layout.data())) {
            PrivateFiles.folder(layout.data());
        }
        int port = freePort();
        if (HbaFile.trustsAnyone(layout.data())) {
            secureOlderDataFolder(layout, port);
        }
        String password = PrivateFiles.secret(layout.passwordFile());
        var db = new EmbeddedDatabase(layout, password, port, launch(layout, port, Optional.of(password)));
        db.watcher.scheduleWithFixedDelay(db::restartIfExited, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return db;
    }

    /** The server's {@code postgres} database as its superuser, password included. */
    DatabaseUrl server() {
        return new DatabaseUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, password);
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return layout.data();
    }

    /**
     * Older versions let zonky's {@code initdb -A trust} stand: any account on the machine could
     * connect as superuser and run programs as the service's user. Sets a password, rewrites
     * pg_hba.conf to ask for it, and stops the server, which then starts as any other.
     */
    private static void secureOlderDataFolder(Layout layout, int port) throws IOException {
        log.warn("event=database.securing dir={} note=\"this data folder lets anyone on the machine connect without a password; "
                + "setting one\"", layout.data());
        String password = PrivateFiles.secret(layout.passwordFile());
        EmbeddedPostgres trusting = launch(layout, port, Optional.empty());
        try (Connection c = trusting.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            // The driver sends a SCRAM verifier, never the password itself, so no server log can hold it.
            c.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
            HbaFile.write(layout.data());
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set the embedded database's password: " + e.getMessage(), e);
        } finally {
            trusting.close();
        }
        log.warn("event=database.secured dir={} password_file={} note=\"the superuser now has a password and pg_hba.conf "
                + "asks every connection for it\"", layout.data(), layout.passwordFile());
    }

    /** Starts PostgreSQL on the folder; {@code password} empty only while an older folder is being secured. */
    private static EmbeddedPostgres launch(Layout layout, int port, Optional<String> password) throws IOException {
        // zonky keeps a scratch folder under java.io.tmpdir, shared with every account, and stops and
        // deletes what it takes for stale instances in it: ours is private instead.
        System.setProperty("ot.epg.working-dir", layout.binaries().toString());
        var builder = EmbeddedPostgres.builder()
                // zonky's shutdown hook would stop PostgreSQL under the running service; ours stops it last.
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(layout.binaries().toFile())
                .setDataDirectory(layout.data())
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky's defaults suit throwaway test databases (-F, synchronous_commit=off); this one keeps data.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // zonky hands these to initdb as --auth=... --pwfile=... after its own -A trust, and
                // the last one counts: a new cluster asks for the password from its first start.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", layout.passwordFile().toString());
        if (password.isPresent()) {
            // zonky's readiness check connects with these.
            builder.setConnectConfig("password", password.get())
                    .setDataDirectoryCustomizer(dir -> {
                        try {
                            HbaFile.write(dir.toPath());
                        } catch (IOException e) {
                            throw new UncheckedIOException("could not write " + HbaFile.NAME + " in " + dir, e);
                        }
                    });
        }
        EmbeddedPostgres started = builder.start();
        // zonky makes its working folder writable for every account, for sharing it under /tmp;
        // here it holds the programs the service runs, so it goes back to the owner alone.
        PrivateFiles.folder(layout.binaries());
        return started;
    }

    private synchronized void restartIfExited() {
        if (closed || postmasterAlive()) {
            return;
        }
        log.error("event=database.exited dir={} port={} note=\"the embedded PostgreSQL is gone; starting it again\"",
                layout.data(), port);
        try {
            // Releases zonky's lock on the folder; stopping the dead server fails and is logged.
            running.close();
        } catch (IOException | RuntimeException e) {
            log.warn("event=database.cleanup_failed error=\"{}\"", e.getMessage());
        }
        try {
            running = launch(layout, port, Optional.of(password));
            log.warn("event=database.restarted dir={} port={}", layout.data(), port);
        } catch (IOException | RuntimeException e) {
            log.error("event=database.restart_failed dir={} port={} error=\"{}\" note=\"trying again in {} s\"",
                    layout.data(), port, e.getMessage(), WATCH_EVERY.toSeconds());
        }
    }

    /** postmaster.pid names the server's process on its first line while it runs. */
    private boolean postmasterAlive() {
        try {
            String first = Files.readAllLines(layout.data().resolve("postmaster.pid")).get(0).strip();
            return ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Under the watcher's lock: a restart under way finishes first, and none starts after. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        watcher.shutdownNow();
        running.close();
    }
}
