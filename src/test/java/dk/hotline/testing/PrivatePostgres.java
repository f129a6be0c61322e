package dk.hotline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.db.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own (the machine's {@code initdb} and {@code pg_ctl}), so a
 * test can stop a real server under a running service and start it again, as a crash, an upgrade
 * or an operator would. It listens on 127.0.0.1 with a random password (scram); under root, which
 * PostgreSQL refuses, it runs as {@code nobody}.
 */
public final class PrivatePostgres implements AutoCloseable {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final String SERVER_USER = "nobody";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final String password;

    private PrivatePostgres(Path bin, Path dir, int port, String password) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.password = password;
    }

    /** A new server, initialised and started; skips the test on a machine without PostgreSQL's server programs. */
    public static PrivatePostgres start() {
        Path bin = serverPrograms().orElse(null);
        Assumptions.assumeTrue(bin != null, "PostgreSQL's server programs (initdb, pg_ctl) under /usr/lib/postgresql");
        try {
            Path dir = Files.createTempDirectory("hotline-private-pg");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Files.writeString(dir.resolve("password"), password);
            if (ROOT) {
                UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVER_USER);
                Files.setOwner(dir, owner);
                Files.setOwner(dir.resolve("password"), owner);
            }
            var pg = new PrivatePostgres(bin, dir, ServiceProcess.freePort(), password);
            pg.run("initdb", "-D", pg.data().toString(), "-U", "postgres", "--auth=scram-sha-256",
                    "--pwfile=" + dir.resolve("password"), "--no-sync", "-E", "UTF8", "--locale=C");
            pg.startAgain();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the service finds it ({@code DATABASE_URL}). */
    public String databaseUrl() {
        return "postgres://postgres:" + password + "@127.0.0.1:" + port + "/postgres";
    }

    public DatabaseUrl url() {
        return DatabaseUrl.parse(databaseUrl());
    }

    /** Stops the server at once, as a crash would: no checkpoint, every connection cut. Returns once it is down. */
    public void crash() {
        run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
    }

    /** Starts the stopped server on the same port and data; returns once it takes connections. */
    public void startAgain() {
        run("pg_ctl", "-D", data().toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-c listen_addresses=127.0.0.1 -c port=" + port + " -k " + dir, "start");
    }

    @Override
    public void close() {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void run(String program, String... args) {
        var command = new ArrayList<String>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as(program + " finished").isTrue();
            assertThat(p.exitValue()).as(program + ": " + output).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest installed version's programs, e.g. {@code /usr/lib/postgresql/15/bin}. */
    private static Optional<Path> serverPrograms() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
