package dk.hotline.followups;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(CallbackDao.Row.class)
interface CallbackDao {
    record Row(long id, byte[] phoneSealed, String language, String preferredTime, String source, String status,
               Instant createdAt, Instant doneAt) {}

    /** One request per call: a Twilio retry of the confirming key press does not make a second. */
    @SqlQuery("""
            INSERT INTO callback_requests (call_sid, phone_sealed, phone_index, language, preferred_time, source, created_at)
            VALUES (:callSid, :sealed, :index, :language, :preferred, :source, :now)
            ON CONFLICT (call_sid) DO NOTHING RETURNING id""")
    Optional<Long> insert(@Bind("callSid") String callSid, @Bind("sealed") byte[] phoneSealed, @Bind("index") byte[] phoneIndex,
                          @Bind("language") String language, @Bind("preferred") String preferredTime,
                          @Bind("source") String source, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, phone_sealed, language, preferred_time, source, status, created_at, done_at
            FROM callback_requests WHERE (:status = 'all' OR status = :status) ORDER BY created_at""")
    List<Row> list(@Bind("status") String status);

    @SqlQuery("""
            SELECT id, phone_sealed, language, preferred_time, source, status, created_at, done_at
            FROM callback_requests WHERE id = :id""")
    Optional<Row> byId(@Bind("id") long id);

    @SqlUpdate("UPDATE callback_requests SET status = 'done', done_at = :now, done_by = :by WHERE id = :id AND status <> 'done'")
    int done(@Bind("id") long id, @Bind("by") Long doneBy, @Bind("now") Instant now);

    @SqlUpdate("UPDATE callback_requests SET announced_at = :now WHERE id = :id")
    int announced(@Bind("id") long id, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, phone_sealed, language, preferred_time, source, status, created_at, done_at
            FROM callback_requests WHERE announced_at IS NULL AND status = 'open' ORDER BY created_at LIMIT 100""")
    List<Row> unannounced();

    @SqlQuery("""
            SELECT id, phone_sealed, language, preferred_time, source, status, created_at, done_at
            FROM callback_requests WHERE status = 'done' AND done_at >= :since ORDER BY done_at DESC""")
    List<Row> handledSince(@Bind("since") Instant since);

    @SqlUpdate("""
            INSERT INTO callback_notices (callback_request_id, leader_id, told_at) VALUES (:requestId, :leaderId, :now)
            ON CONFLICT DO NOTHING""")
    int told(@Bind("requestId") long requestId, @Bind("leaderId") long leaderId, @Bind("now") Instant now);

    /** That {@code leaderId} was texted about request {@code requestId}. */
    record Notice(long requestId, long leaderId) {}

    @SqlQuery("""
            SELECT callback_request_id AS request_id, leader_id FROM callback_notices
            WHERE callback_request_id = ANY(:requestIds) ORDER BY told_at, leader_id""")
    @RegisterConstructorMapper(Notice.class)
    List<Notice> toldLeaders(@Bind("requestIds") long[] requestIds);

    @SqlQuery("SELECT callback_request_id FROM callback_notices WHERE leader_id = :leaderId")
    List<Long> toldTo(@Bind("leaderId") long leaderId);

    @SqlUpdate("UPDATE callback_requests SET status = :status WHERE id = :id AND status <> 'done'")
    int status(@Bind("id") long id, @Bind("status") String status);
}
