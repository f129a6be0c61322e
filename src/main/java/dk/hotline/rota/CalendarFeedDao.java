package dk.hotline.rota;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The calendar_feeds table: one link per leader, found by its secret's SHA-256, the secret itself sealed. */
interface CalendarFeedDao {
    /** Stores a leader's link, replacing the one they had (which then opens nothing). */
    @SqlUpdate("""
            INSERT INTO calendar_feeds (leader_id, secret_hash, secret_sealed, created_at) VALUES (:leader, :hash, :sealed, :now)
            ON CONFLICT (leader_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, secret_sealed = EXCLUDED.secret_sealed,
                created_at = EXCLUDED.created_at""")
    void store(@Bind("leader") long leaderId, @Bind("hash") byte[] secretHash, @Bind("sealed") byte[] secretSealed,
               @Bind("now") Instant now);

    @SqlQuery("SELECT secret_sealed FROM calendar_feeds WHERE leader_id = :leader")
    Optional<byte[]> sealedSecret(@Bind("leader") long leaderId);

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
