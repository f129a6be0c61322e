package dk.hotline.privacy;

import dk.hotline.twilio.TwilioRecordings;

import dk.hotline.app.Hotline;

import dk.hotline.common.Language;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.outbox.MessageKind;
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
            long old = db.jdbi().inTransaction(tx -> outbox.sms(tx, MessageKind.RELAY_OUT, "old", number, "Hej", clock.instant()).orElseThrow());
            long oldPending = db.jdbi().inTransaction(tx -> outbox.sms(tx, MessageKind.RELAY_OUT, "old-pending", number, "Hej", clock.instant()).orElseThrow());
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE outbox SET status = 'sent', updated_at = :t WHERE id = :id")
                    .bind("t", clock.instant()).bind("id", old).execute());
            db.jdbi().useHandle(h -> h.createUpdate("""
                    INSERT INTO calls (call_sid, caller_sealed, caller_index, status, arrived_at, updated_at)
                    VALUES ('CAold', :s, :i, 'completed', :t, :t)""")
                    .bind("s", cipher.sealPhone(number)).bind("i", index.of(number)).bind("t", clock.instant()).execute());

            clock.advance(Duration.ofDays(31));
            long recent = db.jdbi().inTransaction(tx -> outbox.sms(tx, MessageKind.RELAY_OUT, "recent", number, "Hej", clock.instant()).orElseThrow());
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE outbox SET status = 'sent', updated_at = :t WHERE id = :id")
                    .bind("t", clock.instant()).bind("id", recent).execute());

            new Retention(db.jdbi(), 30, Hotline.retentionRules(TwilioRecordings.dryRun()), clock).purge();

            assertThat(sealed(db, old)).containsEntry("recipient", false).containsEntry("body", false)
                    .as("the blind index finds a person's texts by their number: it goes with the number")
                    .containsEntry("recipient_index", false);
            assertThat(sealed(db, recent)).containsEntry("recipient", true).containsEntry("body", true)
                    .containsEntry("recipient_index", true);
            assertThat(sealed(db, oldPending)).as("a text not yet sent keeps what it needs to be sent")
                    .containsEntry("recipient", true).containsEntry("body", true).containsEntry("recipient_index", true);
            boolean callerKept = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT caller_sealed IS NOT NULL FROM calls WHERE call_sid = 'CAold'").mapTo(Boolean.class).one());
            assertThat(callerKept).isFalse();
        }
    }

    @Test
    void signInTracesArePurgedAndTheAuditLogIsKept() {
        try (var db = new MigratedDatabase()) {
            Instant start = clock.instant();
            db.jdbi().useHandle(h -> {
                h.createUpdate("INSERT INTO accounts (id, email, password_hash, created_at, updated_at) VALUES (1, 'k@example.org', 'x', :t, :t)")
                        .bind("t", start).execute();
                h.createUpdate("INSERT INTO login_throttle (email_hash, failures, blocked_until) VALUES ('\\x01', 5, :t)")
                        .bind("t", start).execute();
                h.createUpdate("INSERT INTO api_tokens (token_hash, account_id, created_at, expires_at) VALUES ('\\x01', 1, :t, :e)")
                        .bind("t", start).bind("e", start.plus(Duration.ofHours(12))).execute();
                h.createUpdate("INSERT INTO audit_log (coordinator_id, action, subject, at) VALUES (1, 'reveal', 'leader:1', :t)")
                        .bind("t", start).execute();
            });
            clock.advance(Duration.ofDays(31));
            Instant now = clock.instant();
            db.jdbi().useHandle(h -> {
                h.createUpdate("INSERT INTO login_throttle (email_hash, failures, blocked_until) VALUES ('\\x02', 5, :t)")
                        .bind("t", now.minus(Duration.ofMinutes(1))).execute();
                h.createUpdate("INSERT INTO api_tokens (token_hash, account_id, created_at, expires_at) VALUES ('\\x02', 1, :t, :e)")
                        .bind("t", now).bind("e", now.plus(Duration.ofHours(12))).execute();
            });

            new Retention(db.jdbi(), 30, Hotline.retentionRules(TwilioRecordings.dryRun()), clock).purge();

            assertThat(column(db, "SELECT encode(email_hash, 'hex') FROM login_throttle"))
                    .as("a hashed address, blocked long ago").containsExactly("02");
            assertThat(column(db, "SELECT encode(token_hash, 'hex') FROM api_tokens")).as("expired tokens").containsExactly("02");
            assertThat(column(db, "SELECT subject FROM audit_log")).as("who saw whose number stays on record")
                    .containsExactly("leader:1");
        }
    }

    private static java.util.List<String> column(MigratedDatabase db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static Map<String, Object> sealed(MigratedDatabase db, long id) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT recipient_sealed IS NOT NULL AS recipient, body_sealed IS NOT NULL AS body, "
                        + "recipient_index IS NOT NULL AS recipient_index FROM outbox WHERE id = :id")
                .bind("id", id).mapToMap().one());
    }

    @Test
    void handledCallbackNumbersAndOldVoiceRepliesAreErasedOpenRequestsKept() {
        var key = EncryptionKey.generate();
        var cipher = new PersonalDataCipher(key);
        var index = new BlindIndex(key);
        var number = PhoneNumber.parse("+4520123456");
        try (var db = new MigratedDatabase()) {
            for (String status : java.util.List.of("done", "open")) {
                db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO callback_requests (call_sid, phone_sealed, phone_index, language, source, status, created_at, done_at)
                        VALUES (:sid, :s, :i, 'da', 'voice', :status, :t, CASE WHEN :status = 'done' THEN CAST(:t AS timestamptz) END)""")
                        .bind("sid", "CA-" + status).bind("s", cipher.sealPhone(number)).bind("i", index.of(number))
                        .bind("status", status).bind("t", clock.instant()).execute());
            }
            db.jdbi().useHandle(h -> h.createUpdate(
                    "INSERT INTO voice_replies (call_sid, request_key, reply_sealed, created_at) VALUES ('CAx', 'k', :r, :t)")
                    .bind("r", cipher.seal("<Response/>")).bind("t", clock.instant()).execute());

            clock.advance(java.time.Duration.ofDays(31));
            new Retention(db.jdbi(), 30, Hotline.retentionRules(TwilioRecordings.dryRun()), clock).purge();

            var kept = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT call_sid FROM callback_requests WHERE phone_sealed IS NOT NULL").mapTo(String.class).list());
            assertThat(kept).containsExactly("CA-open");
            int replies = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM voice_replies").mapTo(Integer.class).one());
            assertThat(replies).isZero();
        }
    }

    @Test
    void relayedTextsAreErasedAfterTheRetentionAndClosedConversationsForgetTheTexter() {
        var key = EncryptionKey.generate();
        var cipher = new PersonalDataCipher(key);
        var index = new BlindIndex(key);
        var number = PhoneNumber.parse("+4520123456");
        try (var db = new MigratedDatabase()) {
            long closed = db.jdbi().withHandle(h -> h.createQuery("""
                    INSERT INTO conversations (survivor_sealed, survivor_index, status, created_at, last_activity_at, closed_at)
                    VALUES (:s, :i, 'closed', :t, :t, :t) RETURNING id""")
                    .bind("s", cipher.sealPhone(number)).bind("i", index.of(number)).bind("t", clock.instant())
                    .mapTo(Long.class).one());
            db.jdbi().useHandle(h -> h.createUpdate("""
                    INSERT INTO conversation_messages (conversation_id, direction, body_sealed, created_at)
                    VALUES (:c, 'in', :b, :t)""").bind("c", closed).bind("b", cipher.seal("Hej")).bind("t", clock.instant()).execute());

            clock.advance(java.time.Duration.ofDays(31));
            new Retention(db.jdbi(), 30, Hotline.retentionRules(TwilioRecordings.dryRun()), clock).purge();

            boolean bodyKept = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) > 0 FROM conversation_messages WHERE body_sealed IS NOT NULL").mapTo(Boolean.class).one());
            boolean texterKept = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) > 0 FROM conversations WHERE survivor_sealed IS NOT NULL OR survivor_index IS NOT NULL")
                    .mapTo(Boolean.class).one());
            assertThat(bodyKept).isFalse();
            assertThat(texterKept).isFalse();
        }
    }

    @Test
    void interestListEntriesOlderThanTheRetentionAreDeletedInvitedOrNot() {
        var key = EncryptionKey.generate();
        var interest = new dk.hotline.groups.GroupInterest(new PersonalDataCipher(key), new BlindIndex(key), clock);
        try (var db = new MigratedDatabase()) {
            db.jdbi().useTransaction(tx -> interest.add(tx, PhoneNumber.parse("+4520123456"), Language.DANISH, "sms"));
            db.jdbi().useTransaction(tx -> interest.add(tx, PhoneNumber.parse("+4520123457"), Language.DANISH, "voice"));
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE group_interest SET invited_at = :t").bind("t", clock.instant()).execute());
            clock.advance(Duration.ofDays(29));
            db.jdbi().useTransaction(tx -> interest.add(tx, PhoneNumber.parse("+4520123458"), Language.ENGLISH, "sms"));

            clock.advance(Duration.ofDays(2));
            new Retention(db.jdbi(), 30, Hotline.retentionRules(TwilioRecordings.dryRun()), clock).purge();

            assertThat(column(db, "SELECT language FROM group_interest")).as("only the entry younger than 30 days")
                    .containsExactly("en");
        }
    }
}
