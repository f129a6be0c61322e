package dk.hotline.bench;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.TestConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The outbox's rate: {@code bench.texts} texts to as many numbers are queued in one transaction
 * (sealed with the service's key, as the service queues them) while the service runs; its own
 * dispatcher sends them to the WireMock playing Twilio, at {@code outbox.rate} (set for the run).
 * The clock runs from the commit until every row is {@code sent} or {@code failed}, for at most
 * 40 s (then the texts still queued are deleted, so they do not load what is measured next);
 * what WireMock received ({@link PlainMessageAnswers}) says how many reached "Twilio", how many
 * twice, and whether any row marked sent never did.
 */
final class OutboxRate {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private final BenchRun.Knobs knobs;
    private final Report report;
    private final DatabaseUrl db;
    private final PlainMessageAnswers twilio;

    OutboxRate(BenchRun.Knobs knobs, Report report, DatabaseUrl db, PlainMessageAnswers twilio) {
        this.knobs = knobs;
        this.report = report;
        this.db = db;
        this.twilio = twilio;
    }

    void run() {
        var key = EncryptionKey.fromBase64(TestConfig.ENCRYPTION_KEY);
        var outbox = new Outbox(new PersonalDataCipher(key), new BlindIndex(key), Clock.systemUTC());
        Jdbi jdbi = Jdbi.create(() -> LocalDatabase.connect(db))
                .installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        int texts = knobs.texts();
        long firstId = jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM outbox").mapTo(Long.class).one());
        twilio.forget();
        jdbi.useTransaction(tx -> {
            var now = Clock.systemUTC().instant();
            for (int i = 0; i < texts; i++) {
                outbox.sms(tx, MessageKind.RELAY_OUT, "bench:" + i, PhoneNumber.parse("+4522" + String.format(Locale.ROOT, "%06d", i)),
                        "Husk gruppen i morgen kl. 17. (" + i + ")", now);
            }
        });
        long t0 = System.nanoTime();
        long deadline = t0 + LIMIT.toNanos();
        long[] counts;
        while (true) {
            counts = jdbi.withHandle(h -> h.createQuery("""
                            SELECT count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE status = 'failed')
                            FROM outbox WHERE id > :first""")
                    .bind("first", firstId)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
            if (counts[0] + counts[1] >= texts || System.nanoTime() > deadline) {
                break;
            }
            BenchSupport.sleep(Duration.ofMillis(10));
        }
        long nanos = System.nanoTime() - t0;
        boolean finished = counts[0] + counts[1] >= texts;
        if (!finished) {
            // Not all out within the limit: the rest must not load the phases after this one.
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM outbox WHERE id > :first AND status = 'pending'")
                    .bind("first", firstId).execute());
            BenchSupport.sleep(Duration.ofSeconds(2));
        }
        var requests = twilio.sent();
        Map<String, Integer> perNumber = new HashMap<>();
        for (var r : requests) {
            String body = r.body();
            if (body.contains("bench") || body.contains("Husk")) {
                perNumber.merge(body.replaceFirst("^.*?(To=[^&]*).*$", "$1"), 1, Integer::sum);
            }
        }
        long doubled = perNumber.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        // Lost: marked sent without reaching "Twilio". Rows still queued at the limit are not lost.
        long lost = Math.max(0, counts[0] - perNumber.size());
        report.outbox(texts, knobs.outboxRate(), nanos, counts[0], counts[1], requests.size(), lost, doubled);
    }
}
