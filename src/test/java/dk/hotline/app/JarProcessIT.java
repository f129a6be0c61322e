package dk.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.testing.Await;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, started as an operator starts it: a separate JVM configured by environment. */
class JarProcessIT {
    private static final Path JAR = Path.of("target/hotline.jar");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void jarStartsOnDatabaseUrlAnswersAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        DatabaseUrl db = TestDatabases.create();
        int port = freePort();
        Path log = dir.resolve("out.log");
        Process process = start(log, Map.of(
                "DATABASE_URL", TestDatabases.asEnvironmentValue(db),
                "PORT", String.valueOf(port),
                "HOTLINE_ENCRYPTION_KEY", TestConfig.ENCRYPTION_KEY,
                "HOTLINE_DATA_DIR", dir.resolve("data").toString()));
        try {
            Await.until("/health answers 200", Duration.ofSeconds(60), () -> status(port, "/health") == 200);
            var call = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/twilio/voice"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("CallSid=CA00000000000000000000000000000abc&From=%2B4520123456"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(call.statusCode()).isEqualTo(200);
            assertThat(call.body()).contains("<Say");
            assertThat(Files.readString(log)).contains("twilio=dry-run");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits within 30 s of SIGTERM").isTrue();

            String out = Files.readString(log);
            assertThat(out).contains("event=stopping").doesNotContain(" ERROR ");
            // The call was logged, and without the caller's number. The log is written through the
            // masking layout, so a number that reached a log line would show as "•••" rather than
            // in clear: no "•••" at all proves that no line needed masking in the first place.
            assertThat(out).contains("event=call.arrived")
                    .doesNotContain("+4520123456").doesNotContain("20123456").doesNotContain("•••");
        } finally {
            process.destroyForcibly();
            TestDatabases.drop(db);
        }
    }

    @Test
    void badSettingStopsStartupWithExitCode2NamingTheKey(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("out.log");
        Process process = start(log, Map.of("HOTLINE_OUTBOX_RATE", "fast", "DATABASE_URL", "postgres://u:p@127.0.0.1:1/none"));

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("HOTLINE_OUTBOX_RATE").contains("'fast'");
    }

    @Test
    void badEncryptionKeyStopsStartupWithExitCode2BeforeTouchingTheDatabase(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("out.log");
        // Nothing listens on port 1: had startup reached the database, it would exit 1 on that instead.
        Process process = start(log, Map.of("HOTLINE_ENCRYPTION_KEY", "c2VjcmV0LWtleQ==",
                "DATABASE_URL", "postgres://u:p@127.0.0.1:1/none"));

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("HOTLINE_ENCRYPTION_KEY").doesNotContain("c2VjcmV0LWtleQ==");
    }

    private static Process start(Path log, Map<String, String> env) throws IOException {
        assertThat(JAR).as("packaged jar (failsafe runs after package)").exists();
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("HOTLINE_") || k.startsWith("TWILIO_") || k.equals("DATABASE_URL") || k.equals("PORT"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private int status(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
