package dk.hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the benchmark starts and measures from outside: the packaged service or the bare endpoint,
 * each with the same flags, configured by environment only (none of the harness's own HOTLINE_,
 * TWILIO_, DATABASE_URL or PORT leak in), its output appended to a log under target/bench.
 * Memory is read from /proc/PID/status, as an operator's tools see it.
 */
final class JvmProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private JvmProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** {@code java FLAGS MAIN...} (e.g. {@code -jar target/hotline.jar}) with {@code env} and PORT set. */
    static JvmProcess start(String name, List<String> flags, List<String> main, Map<String, String> env, int port) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(main);
        Path log = BenchSupport.OUT.resolve(name + ".log");
        try {
            Files.createDirectories(BenchSupport.OUT);
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(k -> k.startsWith("HOTLINE_") || k.startsWith("TWILIO_")
                    || k.equals("DATABASE_URL") || k.equals("PORT") || k.equals("JAVA_TOOL_OPTIONS"));
            builder.environment().putAll(env);
            builder.environment().put("PORT", String.valueOf(port));
            return new JvmProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** Waits until GET /health answers 200; returns how long that took from now, in ns. */
    long awaitHealthy(Duration timeout) {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("exited with " + process.exitValue() + " during start-up; log: " + log);
            }
            if (healthStatus() == 200) {
                return System.nanoTime() - t0;
            }
            BenchSupport.sleep(Duration.ofMillis(20));
        }
        throw new IllegalStateException("not healthy after " + timeout.toSeconds() + " s; log: " + log);
    }

    private int healthStatus() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Resident set size now, in bytes (-1 when unknown). */
    long rss() {
        return statusKb("VmRSS") * 1024;
    }

    /** The highest resident set size so far (VmHWM), in bytes. */
    long peakRss() {
        return statusKb("VmHWM") * 1024;
    }

    private long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return -1;
    }

    /** SIGTERM, then SIGKILL if it has not ended within 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
