package dk.hotline.followups;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Follow-up texts: asked for, sent, or cancelled. */
@RegisterConstructorMapper(FollowupDao.Row.class)
@RegisterConstructorMapper(Followup.class)
interface FollowupDao {
    record Row(long id, byte[] phoneSealed, String language, String source, Instant dueAt, String status, String reason,
               Instant createdAt) {}

    String COLUMNS = "id, phone_sealed, language, source, due_at, status, reason, created_at";

    @SqlQuery("""
            INSERT INTO followups (request_key, phone_sealed, phone_index, language, source, due_at, created_at)
            VALUES (:key, :sealed, :index, :language, :source, :due, :now)
            ON CONFLICT (request_key) DO NOTHING RETURNING id""")
    Optional<Long> insert(@Bind("key") String requestKey, @Bind("sealed") byte[] sealed, @Bind("index") byte[] index,
                          @Bind("language") String language, @Bind("source") String source, @Bind("due") Instant due,
                          @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM followups WHERE id = :id AND status = 'pending' FOR UPDATE")
    Optional<Row> pendingForUpdate(@Bind("id") long id);

    @SqlUpdate("UPDATE followups SET due_at = :due WHERE id = :id")
    void postpone(@Bind("id") long id, @Bind("due") Instant due);

    @SqlUpdate("UPDATE followups SET status = :status, reason = :reason, settled_at = :now WHERE id = :id AND status = 'pending'")
    int settle(@Bind("id") long id, @Bind("status") String status, @Bind("reason") String reason, @Bind("now") Instant now);

    /** Asked for before {@code before}: a follow-up asked for in this very contact is not cancelled by it. */
    @SqlUpdate("""
            UPDATE followups SET status = 'cancelled', reason = :reason, settled_at = :now
            WHERE phone_index = :index AND status = 'pending' AND created_at < :now""")
    int cancelFor(@Bind("index") byte[] index, @Bind("reason") String reason, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, source, language, due_at, status, reason, created_at FROM followups
            WHERE (CAST(:status AS TEXT) IS NULL OR status = :status) ORDER BY due_at, id""")
    List<Followup> list(@Bind("status") String status);
}
