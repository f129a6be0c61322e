package dk.hotline.bench;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.TestConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Due reminders at the configured rate: {@value #GROUPS} groups of {@value #PER_GROUP} consenting
 * participants whose sessions all start two hours after one moment, so that the service's own
 * 2-hour reminder triggers (written by {@code POST /api/groups}, as a coordinator makes a group)
 * all come due at that moment: {@value #GROUPS} × {@value #PER_GROUP} texts at once. The
 * groups are made by {@value #CLIENTS} clients at once; the participants go in with one INSERT each group (sealed with the service's key, as the service
 * seals them): the figure is how the due texts go out, not how fast people can be added. The clock
 * runs from the due moment until WireMock has had every one of them (or {@link #LIMIT}); the rate
 * is the texts received over that time, against {@code outbox.rate}. Texts not out by then are
 * deleted, and reminders whose set-up missed their due moment are emptied of participants, so that
 * neither loads what is measured next.
 */
final class DueReminders {
    static final int GROUPS = 200;
    static final int PER_GROUP = 50;
    private static final String SMS_NAME = "Benchholdet";
    private static final Duration SETUP = Duration.ofSeconds(45);
    private static final int CLIENTS = 4;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final BenchRun.Knobs knobs;
    private final Report report;
    private final DatabaseUrl db;
    private final PlainMessageAnswers twilio;
    private final Seed seed;

    DueReminders(BenchRun.Knobs knobs, Report report, DatabaseUrl db, PlainMessageAnswers twilio, Seed seed) {
        this.knobs = knobs;
        this.report = report;
        this.db = db;
        this.twilio = twilio;
        this.seed = seed;
    }

    void run(long leader) {
        var key = EncryptionKey.fromBase64(TestConfig.ENCRYPTION_KEY);
        var cipher = new PersonalDataCipher(key);
        var index = new BlindIndex(key);
        Instant due = Instant.now().plus(SETUP).truncatedTo(ChronoUnit.SECONDS);
        String start = OffsetDateTime.ofInstant(due.plus(Duration.ofHours(2)), ZoneOffset.UTC).toString();
        Instant joined = Instant.now();
        var groups = new ConcurrentLinkedQueue<Long>();
        var next = new AtomicInteger();
        var failure = new AtomicReference<RuntimeException>();
        var pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            pool.submit(() -> {
                int g;
                while ((g = next.getAndIncrement()) < GROUPS && failure.get() == null) {
                    String json = "{\"name\":\"Påmindelser " + g + "\",\"smsName\":\"" + SMS_NAME + "\",\"location\":\"Kbh\",\"leaderId\":"
                            + leader + ",\"capacity\":" + PER_GROUP + ",\"firstSession\":\"" + start + "\",\"weeks\":1,\"durationMinutes\":60}";
                    try {
                        long group = Long.parseLong(seed.api("POST", "/api/groups", seed.bearer(), json, 201)
                                .replaceFirst("(?s)^.*?\"id\"\\s*:\\s*(\\d+).*$", "$1"));
                        groups.add(group);
                        participants(group, g, cipher, index, joined);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
        }
        pool.shutdown();
        awaitTermination(pool);
        if (failure.get() != null) {
            throw failure.get();
        }
        int texts = GROUPS * PER_GROUP;
        if (Instant.now().isAfter(due)) {
            // Too late to measure: the reminders must not go out while the next phases are measured.
            sql("UPDATE group_participants SET removed_at = now() WHERE group_id = ANY(?)", groups);
            report.dueReminders(texts, knobs.outboxRate(), 0, 0, Duration.ZERO, 0, "set-up took longer than " + SETUP.toSeconds() + " s");
            return;
        }
        twilio.forget();
        Instant deadline = due.plus(LIMIT);
        // Waits on the outbox's own rows, which a cheap query counts; what WireMock received (which
        // the figures come from, below) is read once at the end: scanning its 10,000 bodies ten
        // times a second took CPU from the service on the same 2 cores.
        while (settled(joined) < texts && Instant.now().isBefore(deadline)) {
            BenchSupport.sleep(Duration.ofMillis(100));
        }
        var requests = twilio.sent();
        Map<String, Integer> perNumber = new HashMap<>();
        Instant last = due;
        for (var r : requests) {
            if (r.body().contains(SMS_NAME)) {
                perNumber.merge(r.body().replaceFirst("^.*?(To=[^&]*).*$", "$1"), 1, Integer::sum);
                last = r.at().isAfter(last) ? r.at() : last;
            }
        }
        long doubled = perNumber.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        boolean all = perNumber.size() >= texts;
        long recorded = recorded();
        if (!all) {
            // The texts still queued must not load the phases measured next.
            sql("UPDATE group_participants SET removed_at = now() WHERE group_id = ANY(?)", groups);
            sql("DELETE FROM outbox WHERE status = 'pending' AND message_kind = 'reminder' AND created_at >= ?", joined);
            BenchSupport.sleep(Duration.ofSeconds(2));
        }
        report.dueReminders(texts, knobs.outboxRate(), perNumber.size(), doubled, Duration.between(due, last),
                recorded, all ? null : "not all within " + LIMIT.toSeconds() + " s; the rest deleted");
    }

    private void sql(String statement, Object parameter) {
        try (var c = LocalDatabase.connect(db); var st = c.prepareStatement(statement)) {
            if (parameter instanceof Collection<?> ids) {
                st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            } else {
                st.setObject(1, ((Instant) parameter).atOffset(ZoneOffset.UTC));
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not clear up after the due reminders", e);
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            pool.awaitTermination(SETUP.toSeconds() * 4, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One group's participants with one INSERT, as {@code POST /api/groups/{id}/participants} stores them. */
    private void participants(long group, int g, PersonalDataCipher cipher, BlindIndex index, Instant joined) {
        try (var c = LocalDatabase.connect(db); var st = c.prepareStatement("""
                INSERT INTO group_participants (group_id, name, phone_sealed, phone_index, sms_consent, language, created_at)
                VALUES (?, ?, ?, ?, true, 'da', ?)""")) {
            for (int p = 0; p < PER_GROUP; p++) {
                var phone = PhoneNumber.parse(String.format(Locale.ROOT, "+4535%03d%03d", g, p));
                st.setLong(1, group);
                st.setString(2, "Deltager " + p);
                st.setBytes(3, cipher.sealPhone(phone));
                st.setBytes(4, index.of(phone));
                st.setObject(5, joined.atOffset(ZoneOffset.UTC));
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not add participants", e);
        }
    }

    /** Reminder rows queued since {@code joined} that the outbox has settled (sent or failed). */
    private long settled(Instant joined) {
        try (var c = LocalDatabase.connect(db); var st = c.prepareStatement(
                "SELECT count(*) FROM outbox WHERE message_kind = 'reminder' AND status IN ('sent', 'failed') AND created_at >= ?")) {
            st.setObject(1, joined.atOffset(ZoneOffset.UTC));
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the settled reminders", e);
        }
    }

    /** Reminders the service recorded as sent for these groups. */
    private long recorded() {
        try (var c = LocalDatabase.connect(db); var st = c.prepareStatement("""
                SELECT count(*) FROM reminders r JOIN group_sessions s ON s.id = r.session_id JOIN support_groups g ON g.id = s.group_id
                WHERE g.sms_name = ? AND r.outcome = 'sent'""")) {
            st.setString(1, SMS_NAME);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count reminders", e);
        }
    }
}
