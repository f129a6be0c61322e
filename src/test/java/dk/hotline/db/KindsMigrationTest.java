package dk.hotline.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V17 gives what was read from key strings a column of its own. Rows written before it, by the
 * service as it was, come out of the migration with the kind their key said.
 */
class KindsMigrationTest {
    private DatabaseBeforeMigration db;
    private Jdbi jdbi;

    @BeforeEach
    void migrateToTheVersionBefore() {
        db = new DatabaseBeforeMigration("16");
        jdbi = db.jdbi();
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void anOutboxRowGetsTheKindItsDedupeKeyStartedWith() {
        var keys = Map.of(
                "reminder:12:3:86400:1780000000", "reminder",
                "relay-out:7:2", "relay-out",
                "ring:SM0123", "callback-confirmed",
                "group:SM0123", "group-interest",
                "group-invite:4:2", "group-invite",
                "taken:9:1", "conversation-taken",
                "something-new:1", "other",
                "no-colon", "other");
        keys.keySet().forEach(key -> jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO outbox (kind, dedupe_key, not_before, created_at, updated_at)
                VALUES ('sms', :key, now(), now(), now())""").bind("key", key).execute()));
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO outbox (kind, dedupe_key, twiml_path, not_before, created_at, updated_at)
                VALUES ('call', 'queue-offer:5', '/twilio/voice/queue/connect?offer=5&lang=da', now(), now(), now())""").execute());

        db.migrate();

        var kinds = jdbi.withHandle(h -> h.createQuery("SELECT dedupe_key, message_kind FROM outbox")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list());
        assertThat(kinds).hasSize(keys.size() + 1).allSatisfy(row -> {
            String expected = row.getKey().startsWith("queue-offer:") ? "queue-offer" : keys.get(row.getKey());
            assertThat(row.getValue()).as(row.getKey()).isEqualTo(expected);
        });
    }

    @Test
    void aCallbackOfferNamesItsRequestInAColumnOfItsOwn() {
        long leader = jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO leaders (name, created_at, updated_at) VALUES ('Maja', now(), now()) RETURNING id""")
                .mapTo(Long.class).one());
        long request = jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO callback_requests (language, source, created_at) VALUES ('da', 'voice', now()) RETURNING id""")
                .mapTo(Long.class).one());
        jdbi.useHandle(h -> {
            h.createUpdate("""
                    INSERT INTO call_offers (call_sid, leader_id, kind, state, offered_at)
                    VALUES (:sid, :leader, 'callback', 'ringing', now())""").bind("sid", "callback-" + request)
                    .bind("leader", leader).execute();
            h.createUpdate("""
                    INSERT INTO call_offers (call_sid, leader_id, kind, state, offered_at, ended_at)
                    VALUES ('CA0123456789abcdef0123456789abcdef', :leader, 'inbound', 'missed', now(), now())""")
                    .bind("leader", leader).execute();
        });

        db.migrate();

        var offers = jdbi.withHandle(h -> h.createQuery(
                "SELECT kind, call_sid, callback_request_id FROM call_offers ORDER BY id").mapToMap().list());
        assertThat(offers.get(0)).containsEntry("kind", "callback").containsEntry("call_sid", null)
                .containsEntry("callback_request_id", request);
        assertThat(offers.get(1)).containsEntry("kind", "inbound")
                .containsEntry("call_sid", "CA0123456789abcdef0123456789abcdef").containsEntry("callback_request_id", null);
    }

    @Test
    void rowsAnInstanceOfThePreviousVersionWritesDuringARollingDeployGetTheNewShape() {
        db.migrate();
        long leader = jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO leaders (name, created_at, updated_at) VALUES ('Maja', now(), now()) RETURNING id""")
                .mapTo(Long.class).one());
        long request = jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO callback_requests (language, source, created_at) VALUES ('da', 'voice', now()) RETURNING id""")
                .mapTo(Long.class).one());

        jdbi.useHandle(h -> {
            // As the previous version writes them: no message_kind, and the request in call_sid.
            h.createUpdate("""
                    INSERT INTO outbox (kind, dedupe_key, not_before, created_at, updated_at)
                    VALUES ('sms', 'reminder:1:2:3:4', now(), now(), now())""").execute();
            h.createUpdate("""
                    INSERT INTO call_offers (call_sid, leader_id, kind, state, offered_at)
                    VALUES (:sid, :leader, 'callback', 'ringing', now())""").bind("sid", "callback-" + request)
                    .bind("leader", leader).execute();
        });

        String kind = jdbi.withHandle(h -> h.createQuery("SELECT message_kind FROM outbox").mapTo(String.class).one());
        Map<String, Object> offer = jdbi.withHandle(h -> h.createQuery("SELECT call_sid, callback_request_id FROM call_offers")
                .mapToMap().one());
        assertThat(kind).isEqualTo("reminder");
        assertThat(offer).containsEntry("call_sid", null).containsEntry("callback_request_id", request);
    }
}
