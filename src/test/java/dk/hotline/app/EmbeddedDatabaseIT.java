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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's local run: no DATABASE_URL, an ordinary user, the embedded PostgreSQL kept under
 * ./data/. PostgreSQL refuses root, so under root (as in CI) the jar is run as {@code nobody}.
 */
class EmbeddedDatabaseIT {
    private static final Path JAR = Path.of("target/hotline.jar").toAbsolutePath();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @Test
    void jarWithoutDatabaseUrlStartsAnEmbeddedPostgresUnderDataAndAnswersHealth() throws Exception {
        Path work = Files.createTempDirectory("hotline-embedded");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        copyTree(Path.of("config"), work.resolve("config"));
        copyTree(Path.of("flows"), work.resolve("flows"));
        // A copy, so the other user can read it wherever the checkout lies.
        Files.copy(JAR, work.resolve("hotline.jar"));
        if (ROOT) {
            UserPrincipal nobody = work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            try (var files = Files.walk(work)) {
                for (Path p : files.toList()) {
                    Files.setOwner(p, nobody);
                }
            }
        }
        int port = freePort();
        var command = new ArrayList<String>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + work.resolve("tmp"), "-jar", "hotline.jar"));
        Files.createDirectories(work.resolve("tmp"));
        if (ROOT) {
            Files.setOwner(work.resolve("tmp"), work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        }
        Path log = Files.createTempFile("hotline-embedded", ".log");
        var builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("HOTLINE_") || k.startsWith("TWILIO_") || k.equals("DATABASE_URL"));
        builder.environment().put("PORT", String.valueOf(port));
        Process process = builder.start();
        try {
            var http = HttpClient.newHttpClient();
            Await.until("/health answers 200 (log: " + log + ")", Duration.ofSeconds(60), () -> {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            });
            assertThat(work.resolve("data/postgres/PG_VERSION")).exists();
            assertThat(work.resolve("data/encryption.key")).exists();
            assertThat(Files.getPosixFilePermissions(work.resolve("data/encryption.key")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(log)).contains("event=database.embedded").contains("password=");
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
            deleteTree(work);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
