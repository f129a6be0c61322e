package dk.hotline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code target/hotline.jar}) run as an operator runs it: a separate JVM with
 * the JVM settings of {@code config/jvm.options}, configured by environment only, its stdout and stderr appended to a log file. For the ITs that
 * need a real process: exit codes, SIGTERM, SIGKILL and restarts, several instances at once.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target/hotline.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the jar with exactly {@code env} for the service's own variables (none of the test
     * JVM's HOTLINE_, TWILIO_, DATABASE_URL or PORT leak in), appending its output to {@code log}.
     * {@link #port()} is the env's PORT, if it has one.
     */
    public static ServiceProcess start(Path log, Map<String, String> env) {
        return start(log, env, List.of());
    }

    /** As {@link #start(Path, Map)}, with command-line arguments after the jar ({@code --demo}). */
    public static ServiceProcess start(Path log, Map<String, String> env, List<String> args) {
        assertThat(JAR).as("packaged jar (failsafe runs after package)").exists();
        var command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JvmOptions.read());
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(args);
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("HOTLINE_") || k.startsWith("TWILIO_")
                || k.equals("DATABASE_URL") || k.equals("PORT"));
        builder.environment().putAll(env);
        try {
            return new ServiceProcess(builder.start(), log, Integer.parseInt(env.getOrDefault("PORT", "-1")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + JAR, e);
        }
    }

    /** A fresh log file under {@code target/it-logs/}, kept after the test for a look at a failed run. */
    public static Path logFile(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "it-logs"));
            Path file = dir.resolve(name + ".log");
            Files.deleteIfExists(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar and waits until its /health answers 200. */
    public static ServiceProcess startHealthy(Path log, Map<String, String> env, Duration timeout) {
        var service = start(log, env);
        service.awaitHealthy(timeout);
        return service;
    }

    public void awaitHealthy(Duration timeout) {
        Await.until("/health on port " + port + " answers 200 (log: " + log + ")", timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + " during startup; log: " + log);
            }
            return status("/health") == 200;
        });
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Process process() {
        return process;
    }

    /** Everything the process (and any earlier one on the same file) wrote so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, as a crash or the OOM killer would end it: no shutdown hook runs. Returns once it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, as an orchestrator stops it. True when it exited within {@code timeout}. */
    public boolean stop(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The status of a GET to {@code path}, or -1 when nothing answers. */
    public int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Kills what is left; a test that ended normally has stopped it already. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
