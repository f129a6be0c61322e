package dk.hotline.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V20 records which leaders were texted about a callback request. Requests told before it keep
 * their leaders: the texts queued then (outbox rows keyed {@code callback-requested:<request>:<leader>})
 * say whom, so a leader account still sees the requests it was told of.
 */
class CallbackNoticesMigrationTest {
    private DatabaseBeforeMigration db;
    private Jdbi jdbi;

    @BeforeEach
    void migrateToTheVersionBefore() {
        db = new DatabaseBeforeMigration("19");
        jdbi = db.jdbi();
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void theLeadersTextedBeforeAreTheLeadersTold() {
        long maja = insert("INSERT INTO leaders (name, created_at, updated_at) VALUES ('Maja', now(), now()) RETURNING id");
        long emil = insert("INSERT INTO leaders (name, created_at, updated_at) VALUES ('Emil', now(), now()) RETURNING id");
        long request = insert("INSERT INTO callback_requests (language, source, created_at) VALUES ('da', 'voice', now()) RETURNING id");
        for (String key : List.of("callback-requested:" + request + ":" + maja, "callback-requested:" + request + ":999999",
                "callback-requested:999999:" + emil, "ring:SM0123")) {
            jdbi.useHandle(h -> h.createUpdate("""
                    INSERT INTO outbox (kind, dedupe_key, not_before, created_at, updated_at)
                    VALUES ('sms', :key, now(), now(), now())""").bind("key", key).execute());
        }

        db.migrate();

        List<Map<String, Object>> notices = jdbi.withHandle(h -> h.createQuery(
                "SELECT callback_request_id, leader_id FROM callback_notices").mapToMap().list());
        assertThat(notices).as("only a request and a leader that exist").containsExactly(
                Map.of("callback_request_id", request, "leader_id", maja));
    }

    private long insert(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
