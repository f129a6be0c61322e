package dk.hotline.bench;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import dk.hotline.testing.TestConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cost of scheduling: coordinators make support groups of 52 weekly sessions through
 * {@code POST /api/groups} (4 at a time) until {@code bench.reminders} reminders are pending (each
 * session gets one Quartz trigger per reminder offset, 2 by default, in the JDBC job store), or a
 * {@link #LIMIT} is over. Reports the pending reminders made per second, and the first step at 8
 * connections just before and with them in place. Before all that, {@link DueReminders}.
 */
final class ReminderScheduling {
    private static final int WEEKS = 52;
    private static final int CLIENTS = 4;
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private final BenchRun.Knobs knobs;
    private final Report report;
    private final DatabaseUrl db;
    private final JvmProcess service;
    private final PlainMessageAnswers texts;

    ReminderScheduling(BenchRun.Knobs knobs, Report report, DatabaseUrl db, JvmProcess service, PlainMessageAnswers texts) {
        this.knobs = knobs;
        this.report = report;
        this.db = db;
        this.service = service;
        this.texts = texts;
    }

    void run(WebhookSteps webhooks) throws InterruptedException {
        var seed = new Seed(service.baseUrl(), db, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        long leader = seed.leader(51);
        // First, so that its texts are out before the scheduling is measured.
        new DueReminders(knobs, report, db, texts, seed).run(leader);
        // The empty case right before, so that both first-step runs see the machine as alike as can be.
        var without = webhooks.firstStep(8, knobs.seconds());
        long before = pending();
        int groups = (int) Math.ceil(knobs.reminders() / (2.0 * WEEKS));
        var next = new AtomicInteger();
        var failure = new AtomicReference<String>();
        // Sessions from tomorrow on, at 17:00 UTC, one group a minute apart: none is due during the run.
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.DAYS).withHour(17);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            pool.submit(() -> {
                int g;
                while ((g = next.getAndIncrement()) < groups && System.nanoTime() < deadline && failure.get() == null) {
                    String json = "{\"name\":\"Bench " + g + "\",\"smsName\":\"Tirsdagsholdet\",\"location\":\"Kbh\",\"leaderId\":"
                            + leader + ",\"firstSession\":\"" + first.plusMinutes(g % 600) + "\",\"weeks\":" + WEEKS
                            + ",\"durationMinutes\":120}";
                    try {
                        seed.api("POST", "/api/groups", seed.bearer(), json, 201);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(LIMIT.toSeconds() + 30, TimeUnit.SECONDS);
        long nanos = System.nanoTime() - t0;
        long made = pending() - before;
        var firstStep = webhooks.firstStep(8, knobs.seconds());
        report.scheduling(made, nanos, Math.min(groups, next.get()), failure.get(), without, firstStep);
    }

    /** Pending reminder triggers in Quartz's tables. */
    private long pending() {
        try (var c = LocalDatabase.connect(db); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'reminders'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count reminders", e);
        }
    }
}
