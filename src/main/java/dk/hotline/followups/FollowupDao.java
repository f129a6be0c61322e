package dk.hotline.followups;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Follow-up texts: asked for, sent, or cancelled. */
@RegisterConstructorMapper(FollowupDao.Due.class)
@RegisterConstructorMapper(Followup.class)
interface FollowupDao {
    record Due(long id, byte[] phoneSealed, String language) {}

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM followups WHERE request_key = :key)")
    boolean asked(@Bind("key") String requestKey);

    /** The person's pending follow-up, new or moved to this request's time (the latest request counts). */
    @SqlQuery("""
            INSERT INTO followups (request_key, phone_sealed, phone_index, language, source, due_at, created_at)
            VALUES (:key, :sealed, :index, :language, :source, :due, :now)
            ON CONFLICT (phone_index) WHERE status = 'pending' DO UPDATE
            SET request_key = EXCLUDED.request_key, language = EXCLUDED.language, source = EXCLUDED.source,
                due_at = EXCLUDED.due_at, created_at = EXCLUDED.created_at
            RETURNING id""")
    long upsert(@Bind("key") String requestKey, @Bind("sealed") byte[] sealed, @Bind("index") byte[] index,
                @Bind("language") String language, @Bind("source") String source, @Bind("due") Instant due,
                @Bind("now") Instant now);

    /** Due and still pending; rows another instance is sending are skipped, not waited for. */
    @SqlQuery("""
            SELECT id, phone_sealed, language FROM followups
            WHERE status = 'pending' AND due_at <= :now ORDER BY due_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<Due> dueForUpdate(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("UPDATE followups SET status = :status, reason = :reason, settled_at = :now WHERE id = :id AND status = 'pending'")
    int settle(@Bind("id") long id, @Bind("status") String status, @Bind("reason") String reason, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, source, language, due_at, status, reason, created_at FROM followups
            WHERE (CAST(:status AS TEXT) IS NULL OR status = :status) ORDER BY due_at, id""")
    List<Followup> list(@Bind("status") String status);
}
