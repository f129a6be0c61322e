package dk.hotline.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V37 keeps when each leader was last offered a call in a table of its own. A database migrated
 * with offers in it starts with what they say, and every offer made after counts.
 */
class LastOfferMigrationTest {
    private DatabaseBeforeMigration db;
    private Jdbi jdbi;

    @BeforeEach
    void migrateToTheVersionBefore() {
        db = new DatabaseBeforeMigration("36");
        jdbi = db.jdbi();
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void theLastOfferOfEachLeaderIsKeptFromTheOffersBeforeAndEveryOfferAfter() {
        long maja = leader("Maja");
        long jonas = leader("Jonas");
        long sara = leader("Sara");
        offer(maja, "2026-12-01T10:00:00Z");
        offer(maja, "2026-12-03T10:00:00Z");
        offer(maja, "2026-12-02T10:00:00Z");
        offer(jonas, "2026-11-30T10:00:00Z");

        db.migrate();

        assertThat(lastOffers()).isEqualTo(Map.of(maja, Instant.parse("2026-12-03T10:00:00Z"),
                jonas, Instant.parse("2026-11-30T10:00:00Z")));
        offer(sara, "2026-12-04T09:00:00Z");
        offer(jonas, "2026-12-04T10:00:00Z");
        // An offer stamped earlier (another instance's clock a moment behind) never moves it back.
        offer(maja, "2026-12-02T12:00:00Z");
        assertThat(lastOffers()).isEqualTo(Map.of(maja, Instant.parse("2026-12-03T10:00:00Z"),
                jonas, Instant.parse("2026-12-04T10:00:00Z"), sara, Instant.parse("2026-12-04T09:00:00Z")));
    }

    private long leader(String name) {
        return jdbi.withHandle(h -> h.createQuery("INSERT INTO leaders (name, created_at, updated_at) VALUES (:n, now(), now()) RETURNING id")
                .bind("n", name).mapTo(Long.class).one());
    }

    private void offer(long leader, String at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO call_offers (call_sid, leader_id, kind, state, offered_at, ended_at)
                        VALUES (:sid, :leader, 'inbound', 'missed', :at, :at)""")
                .bind("sid", "CA" + leader + at).bind("leader", leader).bind("at", Instant.parse(at)).execute());
    }

    private Map<Long, Instant> lastOffers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT leader_id, offered_at FROM call_offers_last")
                .setMapKeyColumn("leader_id").setMapValueColumn("offered_at")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<Long, Instant>>() {}));
    }
}
