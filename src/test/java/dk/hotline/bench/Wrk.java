package dk.hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives an endpoint with {@code wrk} (Debian's package; a separate process, written in C, so the
 * load costs little of the 2 cores it shares with the service) and {@code bench/signed-bodies.lua}:
 * each request is the next line of a file of pre-signed webhooks, so no CallSid is sent twice.
 * wrk is closed loop: each connection sends its next request when the answer to the last came.
 */
final class Wrk {
    static final Path SCRIPT = Path.of("bench", "signed-bodies.lua");

    private Wrk() {}

    /** What one wrk run reported. Latencies in µs. */
    record Result(long requests, long durationMicros, long socketErrors, long statusErrors, long timeouts,
                  long unexpected, long replays, long perThreadMax, long p50, long p90, long p99, long max, String firstBad) {
        double perSecond() {
            return requests / (durationMicros / 1e6);
        }

        /** Non-2xx answers, socket errors, timeouts and answers without the expected TwiML. */
        long errors() {
            return socketErrors + timeouts + Math.max(statusErrors, unexpected);
        }
    }

    /**
     * {@code connections} connections for {@code duration} against {@code baseUrl}, taking lines from
     * {@code offset} of {@code bodies}; an answer without {@code expect} counts as an error.
     */
    static Result run(String baseUrl, int connections, Duration duration, Path bodies, long offset, String expect) {
        int threads = Math.min(connections, Runtime.getRuntime().availableProcessors());
        var command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "-s", SCRIPT.toString(), baseUrl,
                "--", bodies.toString(), String.valueOf(offset), String.valueOf(threads), expect);
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (var in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + out);
            }
            var result = parse(out, threads);
            BenchSupport.progress(String.format(java.util.Locale.ROOT, "wrk %s c=%d: %.0f req/s p50 %.2f ms p99 %.2f ms errors %d%s",
                    baseUrl, connections, result.perSecond(), result.p50() / 1e3, result.p99() / 1e3, result.errors(),
                    result.firstBad().isEmpty() ? "" : " first bad: " + result.firstBad()));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run wrk (apt-get install wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Result parse(String out, int threads) {
        String line = out.lines().filter(l -> l.startsWith("BENCH ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no BENCH line from wrk: " + out));
        Map<String, String> f = new HashMap<>();
        String rest = line.substring(6);
        int bad = rest.indexOf("first_bad=");
        f.put("first_bad", rest.substring(bad + 10));
        for (String kv : rest.substring(0, bad).trim().split(" ")) {
            int eq = kv.indexOf('=');
            f.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        long socket = n(f, "connect") + n(f, "read") + n(f, "write");
        // Lines a run used: each thread's requests times the number of threads (their lines interleave).
        return new Result(n(f, "requests"), n(f, "duration_us"), socket, n(f, "status"), n(f, "timeout"),
                n(f, "unexpected"), n(f, "replays"), n(f, "per_thread_max") * threads,
                n(f, "p50_us"), n(f, "p90_us"), n(f, "p99_us"), n(f, "max_us"), f.get("first_bad"));
    }

    private static long n(Map<String, String> f, String key) {
        return Long.parseLong(f.get(key));
    }
}
