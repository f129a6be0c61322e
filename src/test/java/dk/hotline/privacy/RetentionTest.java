package dk.hotline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.outbox.Outbox;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));

    @Test
    void numbersAndBodiesOlderThanTheRetentionAreErasedAndNewerOnesKept() {
        var key = EncryptionKey.generate();
        var cipher = new PersonalDataCipher(key);
        var index = new BlindIndex(key);
        try (var db = new MigratedDatabase()) {
            var outbox = new Outbox(cipher, index, clock);
            var number = PhoneNumber.parse("+4520123456");
            long old = db.jdbi().inTransaction(tx -> outbox.sms(tx, "old", number, "Hej", clock.instant()).orElseThrow());
            long oldPending = db.jdbi().inTransaction(tx -> outbox.sms(tx, "old-pending", number, "Hej", clock.instant()).orElseThrow());
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE outbox SET status = 'sent', updated_at = :t WHERE id = :id")
                    .bind("t", clock.instant()).bind("id", old).execute());
            db.jdbi().useHandle(h -> h.createUpdate("""
                    INSERT INTO calls (call_sid, caller_sealed, caller_index, status, arrived_at, updated_at)
                    VALUES ('CAold', :s, :i, 'completed', :t, :t)""")
                    .bind("s", cipher.sealPhone(number)).bind("i", index.of(number)).bind("t", clock.instant()).execute());

            clock.advance(Duration.ofDays(31));
            long recent = db.jdbi().inTransaction(tx -> outbox.sms(tx, "recent", number, "Hej", clock.instant()).orElseThrow());
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE outbox SET status = 'sent', updated_at = :t WHERE id = :id")
                    .bind("t", clock.instant()).bind("id", recent).execute());

            new Retention(db.jdbi(), 30, clock).purge();

            assertThat(sealed(db, old)).containsEntry("recipient", false).containsEntry("body", false);
            assertThat(sealed(db, recent)).containsEntry("recipient", true).containsEntry("body", true);
            assertThat(sealed(db, oldPending)).as("a text not yet sent keeps what it needs to be sent")
                    .containsEntry("recipient", true).containsEntry("body", true);
            boolean callerKept = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT caller_sealed IS NOT NULL FROM calls WHERE call_sid = 'CAold'").mapTo(Boolean.class).one());
            assertThat(callerKept).isFalse();
        }
    }

    private static Map<String, Object> sealed(MigratedDatabase db, long id) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT recipient_sealed IS NOT NULL AS recipient, body_sealed IS NOT NULL AS body FROM outbox WHERE id = :id")
                .bind("id", id).mapToMap().one());
    }
}
