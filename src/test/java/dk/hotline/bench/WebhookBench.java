package dk.hotline.bench;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.bench.BenchSupport.Longs;
import dk.hotline.bench.BenchSupport.Memory;
import dk.hotline.testing.TestService;
import dk.hotline.twilio.TwilioSigner;
import dk.hotline.twilio.TwilioStubs;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import dk.hotline.twilio.Webhook;

/**
 * Incoming-call webhook and memory. Starts the whole service in this JVM (as the tests do: its own
 * database on the local PostgreSQL, a WireMock as Twilio's REST API, signatures checked) and has
 * closed-loop clients POST signed {@code /twilio/voice} requests, each with a new CallSid, for a
 * fixed time: 1 client, then 16. Each answered call writes its row in {@code calls}, as in
 * production. Memory is read after a full GC before the service starts, at idle after startup,
 * and after the load.
 *
 * <p>Run: {@code ./mvnw -B -q -Pbench test} (see the {@code bench} profile in pom.xml). Knobs (system
 * properties): {@code bench.warmup} (s, default 5), {@code bench.seconds} (s per level, default 10),
 * {@code bench.clients} (comma-separated, default 1,16).
 */
public final class WebhookBench {
    private static final String PATH = Webhook.VOICE.path();

    private WebhookBench() {}

    public static void main(String[] args) throws Exception {
        BenchSupport.watchdog("WebhookBench", Duration.ofSeconds(100));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        int[] levels = Arrays.stream(System.getProperty("bench.clients", "1,16").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        BenchSupport.logToFile("webhook-service");

        var machine = BenchSupport.machine();
        var twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(20));
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        TwilioStubs.callCreated(twilio);

        var memory = new ArrayList<List<String>>();
        memory.add(memoryRow("before the service starts (harness + WireMock)", BenchSupport.memoryAfterGc()));

        long startNanos = System.nanoTime();
        var results = new ArrayList<List<String>>();
        long callRows;
        var firstError = new AtomicReference<String>();
        long sent;
        try (var service = TestService.start("http://127.0.0.1:" + twilio.port())) {
            long startupNanos = System.nanoTime() - startNanos;
            BenchSupport.sleep(Duration.ofSeconds(2));
            memory.add(memoryRow("idle after startup", BenchSupport.memoryAfterGc()));

            var target = URI.create("http://127.0.0.1:" + service.uri("/").getPort() + PATH);
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            var sids = new AtomicLong();
            var client = new Client(http, target, service.publicUrl() + PATH, service.authToken(), sids, firstError);

            int maxLevel = Arrays.stream(levels).max().orElse(1);
            Level warm = run(client, maxLevel, warmup);
            System.err.printf(Locale.ROOT, "warm-up: %d requests with %d clients in %d s, %d errors%n",
                    warm.ok + warm.errors, maxLevel, warmup.toSeconds(), warm.errors);
            for (int clients : levels) {
                Level level = run(client, clients, measure);
                results.add(level.row(clients));
                System.err.println("measured " + clients + " client(s)");
            }
            sent = sids.get();
            memory.add(memoryRow("after the webhook benchmark", BenchSupport.memoryAfterGc()));
            callRows = service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM calls").mapTo(Long.class).one());
            machine.add(List.of("service startup (new database, migrations, Javalin) ms", BenchSupport.ms(startupNanos)));
        } finally {
            twilio.stop();
        }

        var md = new StringBuilder();
        md.append("### Machine\n\n").append(BenchSupport.table(List.of("what", "value"), machine)).append('\n');
        md.append("### Incoming-call webhook: signed `POST /twilio/voice`, new CallSid each, closed loop, ")
                .append(measure.toSeconds()).append(" s per row after a ").append(warmup.toSeconds())
                .append(" s warm-up with ").append(Arrays.stream(levels).max().orElse(1)).append(" clients\n\n");
        md.append(BenchSupport.table(List.of("clients", "requests", "requests/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors",
                "JVM CPU %", "machine CPU %", "JVM CPU µs/request"),
                results)).append('\n');
        md.append("CPU % is of all ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; the JVM figure includes the load clients, the machine figure adds PostgreSQL.\n");
        md.append("Rows in `calls` afterwards: ").append(callRows).append(" for ").append(sent)
                .append(" requests sent (warm-up included).")
                .append(firstError.get() == null ? "" : " First error: `" + firstError.get().replace('`', '\'') + "`.")
                .append("\n\n");
        md.append("### Memory (after `System.gc()`; heap = totalMemory - freeMemory; RSS and VmHWM from /proc/self/status)\n\n");
        md.append("The service, WireMock and the load clients share this one JVM.\n\n");
        md.append(BenchSupport.table(List.of("when", "heap used MiB", "heap committed MiB", "non-heap used MiB",
                "RSS MiB", "max RSS (VmHWM) MiB"), memory));
        BenchSupport.report("webhook", md.toString());
        System.exit(0);
    }

    private static List<String> memoryRow(String when, Memory m) {
        return List.of(when, BenchSupport.mib(m.heapUsed()), BenchSupport.mib(m.heapCommitted()),
                BenchSupport.mib(m.nonHeapUsed()), BenchSupport.mib(m.rss()), BenchSupport.mib(m.hwm()));
    }

    /** What one concurrency level did. */
    private record Level(long ok, long errors, long nanos, long[] sortedLatencies, BenchSupport.Cpu cpu) {
        List<String> row(int clients) {
            long total = ok + errors;
            long max = sortedLatencies.length == 0 ? 0 : sortedLatencies[sortedLatencies.length - 1];
            return List.of(String.valueOf(clients), String.valueOf(total),
                    BenchSupport.fixed(total / (nanos / 1e9), 0),
                    BenchSupport.percentileMs(sortedLatencies, 50), BenchSupport.percentileMs(sortedLatencies, 95),
                    BenchSupport.percentileMs(sortedLatencies, 99), BenchSupport.ms(max), String.valueOf(errors),
                    cpu.jvmPercent(), cpu.machinePercent(),
                    total == 0 ? "n/a" : BenchSupport.fixed(cpu.jvmNanos() / 1e3 / total, 0));
        }
    }

    /** {@code clients} threads send back to back until {@code duration} is over. */
    private static Level run(Client client, int clients, Duration duration) throws InterruptedException {
        var go = new CountDownLatch(1);
        var latencies = new Longs[clients];
        var errors = new AtomicLong();
        var threads = new Thread[clients];
        long[] window = new long[2];
        for (int i = 0; i < clients; i++) {
            var mine = latencies[i] = new Longs();
            threads[i] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = window[1];
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok = client.call();
                    mine.add(System.nanoTime() - t0);
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                }
            }, "bench-client-" + i);
            threads[i].start();
        }
        var cpu = BenchSupport.Cpu.start();
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        go.countDown();
        for (var t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - window[0];
        cpu.stop();
        long[] all = Arrays.stream(latencies).map(Longs::toArray).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Level(all.length - errors.get(), errors.get(), elapsed, all, cpu);
    }

    /** Sends one incoming call as Twilio would: form fields, signed for the public URL. */
    private record Client(HttpClient http, URI target, String signedUrl, String authToken, AtomicLong sids,
                          AtomicReference<String> firstError) {
        boolean call() {
            long n = sids.incrementAndGet();
            String callSid = "CA" + String.format(Locale.ROOT, "%032x", n);
            // Danish mobile numbers 20 00 00 00 .. 20 99 99 99, so the blind index and cipher work on varied input.
            String from = "+4520" + String.format(Locale.ROOT, "%06d", n % 1_000_000);
            Map<String, String> form = TestService.incomingCall(callSid, from);
            String signature = TwilioSigner.sign(authToken, signedUrl, form);
            String body = form.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            var request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("<Response>")) {
                    return true;
                }
                String answer = response.body();
                return failed("HTTP " + response.statusCode() + " " + answer.substring(0, Math.min(200, answer.length())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed("interrupted");
            } catch (Exception e) {
                return failed(e.getClass().getName() + ": " + e.getMessage());
            }
        }

        private boolean failed(String what) {
            firstError.compareAndSet(null, what);
            return false;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
