package dk.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL of a run without {@code DATABASE_URL}, seen from the machine it runs on:
 * its files are the service's alone, another account cannot connect to it, and it comes back when
 * it dies. PostgreSQL refuses root, so under root (as in CI) the jar runs as {@code nobody} and a
 * second account, {@code hotline-other}, plays the other user on the machine.
 */
class EmbeddedDatabaseSecurityIT {
    private static final Path JAR = Path.of("target/hotline.jar").toAbsolutePath();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final String SERVICE_USER = "nobody";
    private static final String OTHER_USER = "hotline-other";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Path work;
    private Path data;
    private Path log;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void prepare() throws IOException {
        work = Files.createTempDirectory("hotline-pg-security");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        copyTree(Path.of("config"), work.resolve("config"));
        copyTree(Path.of("flows"), work.resolve("flows"));
        Files.copy(JAR, work.resolve("hotline.jar"));
        Files.createDirectories(work.resolve("tmp"));
        if (ROOT) {
            chownTree(work, SERVICE_USER);
        }
        data = work.resolve("data");
        log = Files.createTempFile("hotline-pg-security", ".log");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : processes) {
            stop(p);
        }
        try (var files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void itsFilesAreTheServicesAloneAndAnotherUserCannotConnect() throws Exception {
        int port = freePort();
        start(port);
        awaitHealthy(port, Duration.ofSeconds(90));

        assertThat(mode(data)).as("data folder").isEqualTo("rwx------");
        assertThat(mode(data.resolve("postgres"))).as("PostgreSQL's data").isEqualTo("rwx------");
        assertThat(mode(data.resolve("postgres.password"))).as("database password file").isEqualTo("rw-------");
        assertThat(mode(data.resolve("postgres-binaries"))).as("PostgreSQL's programs").isEqualTo("rwx------");
        assertThat(work.resolve("tmp/embedded-pg")).as("nothing unpacked into the shared temp folder").doesNotExist();

        String password = Files.readString(data.resolve("postgres.password")).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(log)).as("the log").doesNotContain(password);
        assertThat(activeLines(data.resolve("postgres/pg_hba.conf")))
                .isNotEmpty()
                .noneMatch(line -> line.contains("trust"))
                .allMatch(line -> line.endsWith("scram-sha-256"));

        int dbPort = postmasterPort();
        var settings = psql(null, dbPort, password,
                "SELECT string_agg(name || '=' || setting, ',' ORDER BY name) FROM pg_settings WHERE name IN "
                        + "('fsync', 'synchronous_commit', 'listen_addresses', 'password_encryption')");
        assertThat(settings.output().strip()).as(settings.output())
                .isEqualTo("fsync=on,listen_addresses=127.0.0.1,password_encryption=scram-sha-256,synchronous_commit=on");

        Assumptions.assumeTrue(ROOT, "another OS user to try connecting as can only be created by root (useradd)");
        createOtherUser();
        var noPassword = psql(OTHER_USER, dbPort, null, "SELECT 1");
        assertThat(noPassword.exit()).as(noPassword.output()).isNotZero();
        assertThat(noPassword.output()).contains("no password supplied");
        var wrongPassword = psql(OTHER_USER, dbPort, "not-the-password", "SELECT 1");
        assertThat(wrongPassword.exit()).as(wrongPassword.output()).isNotZero();
        assertThat(wrongPassword.output()).contains("password authentication failed");
        var readPassword = run(List.of("runuser", "-u", OTHER_USER, "--", "cat", data.resolve("postgres.password").toString()), Map.of());
        assertThat(readPassword.exit()).as("another user reads the password file").isNotZero();
    }

    @Test
    void theServiceConnectsAgainAfterItsOwnRestartAndRestartsAKilledPostgres() throws Exception {
        int port = freePort();
        Process first = start(port);
        awaitHealthy(port, Duration.ofSeconds(90));
        String password = Files.readString(data.resolve("postgres.password"));
        stop(first);

        Process second = start(port);
        awaitHealthy(port, Duration.ofSeconds(90));
        assertThat(Files.readString(data.resolve("postgres.password"))).as("the password is kept").isEqualTo(password);

        long postmaster = postmasterPid();
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
        Await.until("PostgreSQL's process is gone", Duration.ofSeconds(10), () -> ProcessHandle.of(postmaster).isEmpty()
                || !ProcessHandle.of(postmaster).get().isAlive());

        Await.until("the service restarted PostgreSQL and /health answers 200 (log: " + log + ")", Duration.ofSeconds(30),
                () -> logText().contains("event=database.restarted") && health(port) == 200);
        assertThat(second.isAlive()).as("the same service process").isTrue();
        assertThat(postmasterPid()).isNotEqualTo(postmaster);
    }

    @Test
    void aDataFolderFromAnOlderVersionIsSecuredOnStart() throws Exception {
        int port = freePort();
        stop(start(port), port);
        // What older versions left: zonky's initdb -A trust, and no password anywhere.
        Files.writeString(data.resolve("postgres/pg_hba.conf"), """
                local   all             all                                     trust
                host    all             all             127.0.0.1/32            trust
                host    all             all             ::1/128                 trust
                """);
        Files.deleteIfExists(data.resolve("postgres.password"));

        start(port);
        awaitHealthy(port, Duration.ofSeconds(90));

        assertThat(Files.readString(log)).contains("event=database.secured");
        assertThat(mode(data.resolve("postgres.password"))).isEqualTo("rw-------");
        String password = Files.readString(data.resolve("postgres.password")).strip();
        assertThat(Files.readString(log)).doesNotContain(password);
        assertThat(activeLines(data.resolve("postgres/pg_hba.conf"))).noneMatch(line -> line.contains("trust"));
        int dbPort = postmasterPort();
        assertThat(psql(null, dbPort, password, "SELECT 1").output().strip()).isEqualTo("1");
        var noPassword = psql(null, dbPort, null, "SELECT 1");
        assertThat(noPassword.exit()).as(noPassword.output()).isNotZero();
    }

    private Process start(int port) throws IOException {
        var command = new ArrayList<String>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + work.resolve("tmp"), "-jar", "hotline.jar"));
        var builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("HOTLINE_") || k.startsWith("TWILIO_") || k.equals("DATABASE_URL"));
        builder.environment().put("PORT", String.valueOf(port));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void stop(Process process, int port) throws Exception {
        awaitHealthy(port, Duration.ofSeconds(90));
        stop(process);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitHealthy(int port, Duration timeout) {
        Await.until("/health answers 200 (log: " + log + ")", timeout, () -> health(port) == 200);
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int health(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /** postmaster.pid: the PID on line 1, the port on line 4. */
    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
    }

    private int postmasterPort() throws IOException {
        return Integer.parseInt(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(3).strip());
    }

    private static List<String> activeLines(Path hba) throws IOException {
        return Files.readAllLines(hba).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private record Result(int exit, String output) {}

    /** psql over TCP to 127.0.0.1, never prompting, with no password file: only {@code password} can let it in. */
    private static Result psql(String asUser, int port, String password, String sql) throws Exception {
        var command = new ArrayList<String>();
        if (asUser != null) {
            command.addAll(List.of("runuser", "-u", asUser, "--"));
        }
        command.addAll(List.of("psql", "-w", "-At", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-d", "postgres", "-c", sql));
        return run(command, password == null ? Map.of() : Map.of("PGPASSWORD", password));
    }

    private static Result run(List<String> command, Map<String, String> env) throws Exception {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).directory(Path.of("/").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PG"));
        builder.environment().put("PGPASSFILE", "/dev/null");
        builder.environment().put("PGCONNECT_TIMEOUT", "5");
        builder.environment().putAll(env);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }

    private static void createOtherUser() throws Exception {
        if (run(List.of("id", OTHER_USER), Map.of()).exit() == 0) {
            return;
        }
        var added = run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OTHER_USER), Map.of());
        Assumptions.assumeTrue(added.exit() == 0, "could not create the OS user " + OTHER_USER + ": " + added.output());
    }

    private static void chownTree(Path dir, String user) throws IOException {
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        try (var files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                Files.setOwner(p, owner);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
