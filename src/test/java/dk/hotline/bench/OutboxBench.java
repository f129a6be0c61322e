package dk.hotline.bench;

import dk.hotline.outbox.OutboxSettings;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.outbox.DispatcherFixture;
import dk.hotline.outbox.OutboxDispatcher;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.TwilioStubs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * Outbox dispatch throughput. N texts are queued with {@link Outbox} in one transaction on a new
 * database; then one or two {@link OutboxDispatcher}s (each as a service instance has it: its own
 * pool of 10 connections, its own SDK gateway, its background loop) send them to a WireMock
 * answering as Twilio's Messages API, at a shared rate of 10000/s so the rate limit does not bind.
 * The clock runs from starting the dispatchers until every row is {@code sent} (or {@code failed}).
 *
 * A last run does the same over a table that already holds {@code bench.history} sent rows, as
 * one in use for months does (sent rows stay; retention only blanks their number and body).
 *
 * <p>Run: {@code ./mvnw -B -q -Pbench test}. Knobs (system properties): {@code bench.texts} (default
 * 2000), {@code bench.rate} (default 10000), {@code bench.history} (default 200000; 0 skips that run).
 */
public final class OutboxBench {
    private static final int POOL_SIZE = 10;
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(40);

    private OutboxBench() {}

    public static void main(String[] args) throws Exception {
        BenchSupport.watchdog("OutboxBench", Duration.ofSeconds(100));
        int texts = Integer.getInteger("bench.texts", 2000);
        int rate = Integer.getInteger("bench.rate", 10_000);
        int history = Integer.getInteger("bench.history", 200_000);
        BenchSupport.logToFile("outbox-service");
        var machine = BenchSupport.machine();

        var twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(40));
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        var key = EncryptionKey.generate();
        var settings = new OutboxSettings(rate, 3, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMinutes(2), Duration.ofMillis(50));

        var rows = new ArrayList<List<String>>();
        try {
            Run warm = run(twilio, key, settings, 1, Math.min(500, texts), 0);
            System.err.printf(Locale.ROOT, "warm-up: %d texts in %.2f s%n", warm.texts, warm.drainNanos / 1e9);
            for (int dispatchers : new int[] {1, 2}) {
                rows.add(run(twilio, key, settings, dispatchers, texts, 0).row());
                System.err.println("measured " + dispatchers + " dispatcher(s)");
            }
            if (history > 0) {
                // Sent rows stay in the table (retention only blanks their number and body), so a
                // table months old holds many: does claiming slow down as it grows?
                rows.add(run(twilio, key, settings, 1, texts, history).row());
                System.err.println("measured 1 dispatcher over " + history + " old rows");
            }
        } finally {
            twilio.stop();
        }

        var md = new StringBuilder();
        md.append("### Machine\n\n").append(BenchSupport.table(List.of("what", "value"), machine)).append('\n');
        md.append("### Outbox dispatch: ").append(texts).append(" queued texts → WireMock as Twilio, rate limit ")
                .append(rate).append("/s, after a warm-up of ").append(Math.min(500, texts)).append(" texts\n\n");
        md.append(BenchSupport.table(List.of("dispatchers", "old sent rows in table", "texts", "queue ms (one tx)",
                "drain s", "texts/s", "sent per dispatcher", "failed", "Twilio requests", "sent twice",
                "JVM CPU %", "machine CPU %", "idle round ms"), rows));
        md.append("\nDrain: from starting the dispatchers until every queued row is `sent` or `failed` (polled every 10 ms). ")
                .append("CPU % is of all ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores during the drain; the JVM holds the dispatchers and WireMock, the machine figure adds PostgreSQL. ")
                .append("Idle round: median of 21 `dispatchOnce()` calls with nothing due (what every idle poll costs, by default twice a second per instance).\n");
        BenchSupport.report("outbox", md.toString());
        System.exit(0);
    }

    private record Run(int dispatchers, int history, int texts, long enqueueNanos, long drainNanos, List<Long> perDispatcher,
                       long sent, long failed, int requests, int duplicates, BenchSupport.Cpu cpu,
                       long idleRoundNanos) {
        List<String> row() {
            return List.of(String.valueOf(dispatchers), String.valueOf(history), String.valueOf(texts),
                    BenchSupport.fixed(enqueueNanos / 1e6, 0),
                    BenchSupport.fixed(drainNanos / 1e9, 2), BenchSupport.fixed(sent / (drainNanos / 1e9), 0),
                    String.join(" + ", perDispatcher.stream().map(String::valueOf).toList()),
                    String.valueOf(failed), String.valueOf(requests), String.valueOf(duplicates),
                    cpu.jvmPercent(), cpu.machinePercent(), BenchSupport.ms(idleRoundNanos));
        }
    }

    private static Run run(WireMockServer twilio, EncryptionKey key, OutboxSettings settings,
                           int dispatchers, int texts, int history) {
        try (var fixture = new DispatcherFixture(twilio, Clock.systemUTC(), key)) {
            Jdbi setup = fixture.jdbi();
            if (history > 0) {
                addHistory(setup, history);
            }

            long firstId = setup.withHandle(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM outbox").mapTo(Long.class).one());
            var outbox = fixture.outbox();
            long q0 = System.nanoTime();
            setup.useTransaction(tx -> {
                var now = Clock.systemUTC().instant();
                for (int i = 0; i < texts; i++) {
                    outbox.sms(tx, MessageKind.RELAY_OUT, "bench:" + i, PhoneNumber.parse("+4520" + String.format(Locale.ROOT, "%06d", i)),
                            "Husk gruppen i morgen kl. 17. Svar STOP for at afmelde. (" + i + ")", now);
                }
            });
            long enqueueNanos = System.nanoTime() - q0;
            twilio.resetRequests();

            // Each instance as a service has it: its own pool, its own gateway, its own meters.
            var instances = new ArrayList<OutboxDispatcher>();
            var registries = new ArrayList<SimpleMeterRegistry>();
            Jdbi lastPool = setup;
            for (int d = 0; d < dispatchers; d++) {
                lastPool = fixture.db().newPool(POOL_SIZE);
                var registry = new SimpleMeterRegistry();
                registries.add(registry);
                instances.add(fixture.dispatcher(lastPool, fixture.gateway(), settings, registry));
            }

            var cpu = BenchSupport.Cpu.start();
            long t0 = System.nanoTime();
            instances.forEach(OutboxDispatcher::start);
            long deadline = t0 + DRAIN_LIMIT.toNanos();
            long[] counts;
            while (true) {
                counts = setup.withHandle(h -> h.createQuery("""
                                SELECT count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE status = 'failed')
                                FROM outbox WHERE id > :first""")
                        .bind("first", firstId)
                        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
                if (counts[0] + counts[1] >= texts || System.nanoTime() > deadline) {
                    break;
                }
                BenchSupport.sleep(Duration.ofMillis(10));
            }
            long drainNanos = System.nanoTime() - t0;
            cpu.stop();
            instances.forEach(OutboxDispatcher::close);

            var requests = twilio.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(TwilioStubs.MESSAGES_PATH)));
            var bodies = new HashSet<String>();
            int duplicates = 0;
            for (var r : requests) {
                if (!bodies.add(r.getBodyAsString().replaceFirst("^.*?(Body=[^&]*).*$", "$1"))) {
                    duplicates++;
                }
            }
            // What one round costs an instance when nothing is due, as every idle poll does.
            long idleNanos;
            try (var probe = fixture.dispatcher(lastPool, fixture.gateway(), settings, new SimpleMeterRegistry())) {
                long[] rounds = new long[21];
                for (int i = 0; i < rounds.length; i++) {
                    long r0 = System.nanoTime();
                    probe.dispatchOnce();
                    rounds[i] = System.nanoTime() - r0;
                }
                java.util.Arrays.sort(rounds);
                idleNanos = rounds[rounds.length / 2];
            }
            List<Long> perDispatcher = registries.stream()
                    .map(reg -> (long) reg.counter("hotline_outbox_sent_total", "kind", "sms").count()).toList();
            return new Run(dispatchers, history, texts, enqueueNanos, drainNanos, perDispatcher, counts[0], counts[1],
                    requests.size(), duplicates, cpu, idleNanos);
        }
    }

    /**
     * {@code n} texts sent over the past 180 days, as a table in use for months holds them: sealed
     * number and body in place (the retention job blanks them only after {@code retention.days}).
     */
    private static void addHistory(Jdbi jdbi, int n) {
        jdbi.useHandle(h -> {
            h.createUpdate("""
                    INSERT INTO outbox (kind, message_kind, dedupe_key, recipient_sealed, recipient_index, body_sealed, status, attempts,
                                        not_before, claimed_at, sent_at, twilio_sid, delivery_status, delivery_rank,
                                        created_at, updated_at)
                    SELECT 'sms', 'reminder', 'old:' || g, decode(repeat(md5(g::text), 3), 'hex'), decode(md5('i' || g), 'hex'),
                           decode(repeat(md5('b' || g), 6), 'hex'), 'sent', 1,
                           t, t, t, 'SMold' || g, 'delivered', 4, t, t
                    FROM generate_series(1, :n) g,
                         LATERAL (SELECT now() - interval '180 days' * g / :n - interval '1 minute') AS ts(t)""")
                    .bind("n", n).execute();
            h.execute("ANALYZE outbox");
        });
    }
}
