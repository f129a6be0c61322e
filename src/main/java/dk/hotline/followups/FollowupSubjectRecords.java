package dk.hotline.followups;

import dk.hotline.privacy.DataSubject;
import dk.hotline.privacy.SubjectErasure;
import dk.hotline.privacy.SubjectExport;
import dk.hotline.privacy.SubjectRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The follow-ups' part of a data subject's requests: their callback requests (when, how, which
 * leaders were told, handled or not) and follow-up texts. Erasing makes each forget the number
 * (the rows stay, as counts); an open request can no longer be answered, so it is closed, and a
 * pending follow-up is cancelled ({@code erased}).
 */
final class FollowupSubjectRecords implements SubjectRecords {
    static final String ERASED = "erased";

    private final Clock clock;

    FollowupSubjectRecords(Clock clock) {
        this.clock = clock;
    }

    record Callback(long id, Instant at, String source, String language, String preferredTime, String status, Instant doneAt,
                    Long doneBy, List<Long> toldLeaders) {}

    record FollowupText(long id, Instant at, String source, String language, Instant dueAt, String status, String reason,
                        Instant settledAt) {}

    @Override
    public Set<String> tables() {
        return Set.of("callback_requests", "callback_notices", "followups");
    }

    @Override
    public void find(Handle tx, DataSubject subject, SubjectExport export) {
        List<Callback> callbacks = subject.bindIndexes(tx.createQuery("""
                SELECT id, created_at, source, language, preferred_time, status, done_at, done_by FROM callback_requests
                WHERE phone_index IN (<indexes>) ORDER BY created_at, id"""))
                .map((rs, ctx) -> new Callback(rs.getLong("id"), instant(rs, "created_at"), rs.getString("source"),
                        rs.getString("language"), rs.getString("preferred_time"), rs.getString("status"), instant(rs, "done_at"),
                        (Long) rs.getObject("done_by"), told(tx, rs.getLong("id"))))
                .list();
        export.add("callbackRequests", callbacks);
        callbacks.forEach(c -> export.leaders(c.toldLeaders()));
        export.add("followups", subject.bindIndexes(tx.createQuery("""
                SELECT id, created_at, source, language, due_at, status, reason, settled_at FROM followups
                WHERE phone_index IN (<indexes>) ORDER BY created_at, id"""))
                .map((rs, ctx) -> new FollowupText(rs.getLong("id"), instant(rs, "created_at"), rs.getString("source"),
                        rs.getString("language"), instant(rs, "due_at"), rs.getString("status"), rs.getString("reason"),
                        instant(rs, "settled_at")))
                .list());
    }

    private static List<Long> told(Handle tx, long requestId) {
        return tx.createQuery("SELECT leader_id FROM callback_notices WHERE callback_request_id = :id ORDER BY leader_id")
                .bind("id", requestId).mapTo(Long.class).list();
    }

    @Override
    public void erase(Handle tx, DataSubject subject, SubjectErasure erasure) {
        Instant now = clock.instant();
        erasure.erased("callbackRequests", subject.bindIndexes(tx.createUpdate("""
                UPDATE callback_requests SET phone_sealed = NULL, phone_index = NULL,
                       status = 'done', done_at = COALESCE(done_at, :now)
                WHERE phone_index IN (<indexes>)""")).bind("now", now).execute());
        erasure.erased("followups", subject.bindIndexes(tx.createUpdate("""
                UPDATE followups SET phone_sealed = NULL, phone_index = NULL,
                       status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END,
                       reason = CASE WHEN status = 'pending' THEN :erased ELSE reason END,
                       settled_at = COALESCE(settled_at, :now)
                WHERE phone_index IN (<indexes>)""")).bind("erased", ERASED).bind("now", now).execute());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
