package dk.hotline.sms;

import dk.hotline.twilio.TwilioRecordings;

import dk.hotline.app.Hotline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.privacy.Retention;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InboundRateLimitTest {
    private static final PhoneNumber FLOODER = PhoneNumber.parse("+4520123456");
    private static final PhoneNumber SOMEONE_ELSE = PhoneNumber.parse("+4531987654");
    private static MigratedDatabase db;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:05Z"));
    private final BlindIndex index = new BlindIndex(EncryptionKey.generate());
    private final InboundRateLimit limit = new InboundRateLimit(index, 10);

    @BeforeAll
    static void database() {
        db = new MigratedDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void tenTextsAMinuteAreAllowedThenNoneUntilTheNextMinute() {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(allow(FLOODER)).as("text %d", i + 1).isTrue();
        }
        assertThat(allow(FLOODER)).as("text 11").isFalse();
        clock.advance(Duration.ofSeconds(40));
        assertThat(allow(FLOODER)).as("text 12, still 10:00").isFalse();
        assertThat(allow(SOMEONE_ELSE)).as("another number has its own count").isTrue();

        clock.advance(Duration.ofSeconds(15));

        assertThat(allow(FLOODER)).as("10:01").isTrue();
    }

    @Test
    void aThousandTextsInAMinuteFromSeveralInstancesAtOnceLetExactlyTheLimitThrough() throws Exception {
        var number = PhoneNumber.parse("+4540404040");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < 1000; i++) {
                Callable<Boolean> text = () -> {
                    start.await();
                    return allow(number);
                };
                tasks.add(pool.submit(text));
            }
            start.countDown();
            int allowed = 0;
            for (var task : tasks) {
                allowed += task.get() ? 1 : 0;
            }

            assertThat(allowed).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        int count = db.jdbi().withHandle(h -> h.createQuery("SELECT max(texts) FROM sms_inbound_counts WHERE phone_index = :i")
                .bind("i", index.of(number)).mapTo(Integer.class).one());
        assertThat(count).as("texts over the limit are not written").isLessThanOrEqualTo(10 + 8);
    }

    @Test
    void aRolledBackTextIsNotCounted() {
        var number = PhoneNumber.parse("+4550505050");
        for (int i = 0; i < 10; i++) {
            try {
                db.jdbi().useTransaction(tx -> {
                    limit.allow(tx, number, clock.instant());
                    throw new IllegalStateException("the webhook failed; Twilio will retry");
                });
            } catch (IllegalStateException expected) {
                // the point
            }
        }

        assertThat(allow(number)).isTrue();
    }

    @Test
    void retentionDeletesCountsOlderThanADay() {
        var number = PhoneNumber.parse("+4560606060");
        allow(number);
        clock.advance(Duration.ofHours(23));
        allow(number);
        clock.advance(Duration.ofHours(2));

        new Retention(db.jdbi(), 30, Hotline.retentionRules(TwilioRecordings.dryRun()), clock).purge();

        int left = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sms_inbound_counts WHERE phone_index = :i")
                .bind("i", index.of(number)).mapTo(Integer.class).one());
        assertThat(left).isEqualTo(1);
    }

    private boolean allow(PhoneNumber from) {
        return db.jdbi().inTransaction(tx -> limit.allow(tx, from, clock.instant()));
    }
}
