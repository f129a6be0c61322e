package dk.hotline.rota;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The calendar_feeds table: one link per leader, kept only as its secret's SHA-256. */
interface CalendarFeedDao {
    /** Stores a leader's link, replacing the one they had (which then opens nothing). */
    @SqlUpdate("""
            INSERT INTO calendar_feeds (leader_id, secret_hash, created_at) VALUES (:leader, :hash, :now)
            ON CONFLICT (leader_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, created_at = EXCLUDED.created_at""")
    void store(@Bind("leader") long leaderId, @Bind("hash") byte[] secretHash, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM calendar_feeds WHERE leader_id = :leader")
    int delete(@Bind("leader") long leaderId);

    /** Whose link this is: a leader who is not deleted. */
    @SqlQuery("""
            SELECT f.leader_id FROM calendar_feeds f JOIN leaders l ON l.id = f.leader_id
            WHERE f.secret_hash = :hash AND l.deleted_at IS NULL""")
    Optional<Long> leaderOf(@Bind("hash") byte[] secretHash);

    @SqlQuery("SELECT created_at FROM calendar_feeds WHERE leader_id = :leader")
    Optional<Instant> createdAt(@Bind("leader") long leaderId);
}
