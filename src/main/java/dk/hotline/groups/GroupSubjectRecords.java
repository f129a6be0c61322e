package dk.hotline.groups;

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
 * The groups' part of a data subject's requests: the groups they were in (under which name, with
 * their answers to each session's reminder and the reminders themselves) and their place on the
 * interest list. Erasing takes them out of every group and makes each participation forget name
 * and number (the row, its answers and reminders stay, as counts); an interest entry is nothing
 * but the number, so it goes.
 */
final class GroupSubjectRecords implements SubjectRecords {
    private final Clock clock;

    GroupSubjectRecords(Clock clock) {
        this.clock = clock;
    }

    record Participation(long id, long groupId, String group, long groupLeaderId, String name, boolean smsConsent,
                         String language, Instant joinedAt, Instant removedAt, List<Answer> attendance,
                         List<Reminder> reminders) {}

    record Answer(long sessionId, Instant sessionStart, boolean attending, Instant answeredAt) {}

    record Reminder(long sessionId, Instant sessionStart, Instant firedAt, String outcome) {}

    record Interest(long id, Instant at, String source, String language, Instant invitedAt, Long invitedGroupId) {}

    @Override
    public Set<String> tables() {
        return Set.of("group_participants", "session_attendance", "reminders", "group_interest");
    }

    @Override
    public void find(Handle tx, DataSubject subject, SubjectExport export) {
        List<Participation> participations = subject.bindIndexes(tx.createQuery("""
                SELECT p.id, p.group_id, g.name AS group_name, g.leader_id, p.name, p.sms_consent, p.language, p.created_at,
                       p.removed_at
                FROM group_participants p JOIN support_groups g ON g.id = p.group_id
                WHERE p.phone_index IN (<indexes>) ORDER BY p.created_at, p.id"""))
                .map((rs, ctx) -> new Participation(rs.getLong("id"), rs.getLong("group_id"), rs.getString("group_name"),
                        rs.getLong("leader_id"), rs.getString("name"), rs.getBoolean("sms_consent"), rs.getString("language"),
                        instant(rs, "created_at"), instant(rs, "removed_at"), answers(tx, rs.getLong("id")),
                        reminders(tx, rs.getLong("id"))))
                .list();
        export.add("groupParticipations", participations);
        export.leaders(participations.stream().map(Participation::groupLeaderId).toList());
        export.add("groupInterest", subject.bindIndexes(tx.createQuery("""
                SELECT id, created_at, source, language, invited_at, invited_group_id FROM group_interest
                WHERE phone_index IN (<indexes>) ORDER BY created_at, id"""))
                .map((rs, ctx) -> new Interest(rs.getLong("id"), instant(rs, "created_at"), rs.getString("source"),
                        rs.getString("language"), instant(rs, "invited_at"), (Long) rs.getObject("invited_group_id")))
                .list());
    }

    private static List<Answer> answers(Handle tx, long participantId) {
        return tx.createQuery("""
                SELECT a.session_id, s.starts_at, a.attending, a.answered_at
                FROM session_attendance a JOIN group_sessions s ON s.id = a.session_id
                WHERE a.participant_id = :p ORDER BY s.starts_at""")
                .bind("p", participantId)
                .map((rs, ctx) -> new Answer(rs.getLong("session_id"), instant(rs, "starts_at"), rs.getBoolean("attending"),
                        instant(rs, "answered_at")))
                .list();
    }

    private static List<Reminder> reminders(Handle tx, long participantId) {
        return tx.createQuery("""
                SELECT session_id, session_start, fired_at, outcome FROM reminders
                WHERE participant_id = :p ORDER BY fired_at, id""")
                .bind("p", participantId)
                .map((rs, ctx) -> new Reminder(rs.getLong("session_id"), instant(rs, "session_start"), instant(rs, "fired_at"),
                        rs.getString("outcome")))
                .list();
    }

    @Override
    public void erase(Handle tx, DataSubject subject, SubjectErasure erasure) {
        erasure.erased("groupParticipations", subject.bindIndexes(tx.createUpdate("""
                UPDATE group_participants SET name = '', phone_sealed = NULL, phone_index = NULL,
                       removed_at = COALESCE(removed_at, :now)
                WHERE phone_index IN (<indexes>)""")).bind("now", clock.instant()).execute());
        erasure.erased("groupInterest", subject.bindIndexes(tx.createUpdate(
                "DELETE FROM group_interest WHERE phone_index IN (<indexes>)")).execute());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
