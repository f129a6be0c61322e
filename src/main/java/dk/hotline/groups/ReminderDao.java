package dk.hotline.groups;

import dk.hotline.privacy.BlindIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reminders given (or skipped) and the answers to them. */
@RegisterConstructorMapper(GroupDao.SessionRow.class)
@RegisterConstructorMapper(ReminderDao.Recipient.class)
@RegisterConstructorMapper(ReminderDao.Answerable.class)
interface ReminderDao {
    /** A participant a reminder goes to. */
    record Recipient(long id, String name, byte[] phoneSealed, String language) {}

    /** The session a participant's latest reminder was about, with what a reply needs. */
    record Answerable(long sessionId, long participantId, String participantName, String language, long groupId,
                      Instant startsAt, Instant firedAt) {}

    /** Locked, so a cancel or move and a firing reminder see each other's result, not half of it. */
    @SqlQuery("SELECT id, group_id, starts_at, ends_at, status FROM group_sessions WHERE id = :id FOR UPDATE")
    Optional<GroupDao.SessionRow> sessionForUpdate(@Bind("id") long sessionId);

    /** Whether this reminder fired already (a row for any participant, sent or skipped). */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM reminders
                           WHERE session_id = :session AND offset_seconds = :offset AND session_start = :start)""")
    boolean fired(@Bind("session") long sessionId, @Bind("offset") long offsetSeconds, @Bind("start") Instant start);

    /**
     * The reminder triggers in Quartz's table (V2) and when each is set to start, in epoch ms: read
     * at once for the hourly check, where asking Quartz trigger by trigger took a transaction each.
     */
    @SqlQuery("SELECT trigger_name, start_time FROM qrtz_triggers WHERE sched_name = :scheduler AND trigger_group = '"
            + ReminderTriggers.GROUP + "'")
    @KeyColumn("trigger_name")
    @ValueColumn("start_time")
    Map<String, Long> triggerStarts(@Bind("scheduler") String schedulerName);

    @SqlQuery("SELECT starts_at FROM group_sessions WHERE id = :id")
    Optional<Instant> start(@Bind("id") long sessionId);

    @SqlQuery("SELECT id, group_id, starts_at, ends_at, status FROM group_sessions WHERE status = 'scheduled' AND starts_at > :now")
    List<GroupDao.SessionRow> upcoming(@Bind("now") Instant now);

    /** Who was in the group, agreed to texts, and joined before the reminder was due (a late joiner gets only later ones). */
    @SqlQuery("""
            SELECT id, name, phone_sealed, language FROM group_participants
            WHERE group_id = :group AND removed_at IS NULL AND sms_consent AND phone_sealed IS NOT NULL
              AND created_at <= :due ORDER BY id""")
    List<Recipient> recipients(@Bind("group") long groupId, @Bind("due") Instant due);

    /** True when this is the first record of this reminder; a second fire finds it and does nothing. */
    @SqlUpdate("""
            INSERT INTO reminders (session_id, participant_id, offset_seconds, session_start, due_at, fired_at, outcome)
            VALUES (:session, :participant, :offset, :start, :due, :now, :outcome)
            ON CONFLICT (session_id, participant_id, offset_seconds, session_start) DO NOTHING""")
    int record(@Bind("session") long sessionId, @Bind("participant") long participantId, @Bind("offset") long offsetSeconds,
               @Bind("start") Instant start, @Bind("due") Instant due, @Bind("now") Instant now, @Bind("outcome") String outcome);

    @SqlQuery("""
            SELECT r.session_id, p.id AS participant_id, p.name AS participant_name, p.language, s.group_id, s.starts_at,
                   r.fired_at
            FROM reminders r
            JOIN group_participants p ON p.id = r.participant_id
            JOIN group_sessions s ON s.id = r.session_id
            WHERE p.phone_index = ANY(:indexes) AND p.removed_at IS NULL AND r.outcome = 'sent'
              AND s.status = 'scheduled' AND s.ends_at > :now AND r.session_start = s.starts_at
            ORDER BY r.fired_at DESC, r.id DESC LIMIT 1""")
    Optional<Answerable> latestAnswerable(@Bind("indexes") BlindIndex.Candidates phoneIndexes, @Bind("now") Instant now);

    /** The answer before this one, if any. */
    @SqlQuery("SELECT attending FROM session_attendance WHERE session_id = :session AND participant_id = :participant")
    Optional<Boolean> answer(@Bind("session") long sessionId, @Bind("participant") long participantId);

    @SqlUpdate("""
            INSERT INTO session_attendance (session_id, participant_id, attending, answered_at)
            VALUES (:session, :participant, :attending, :now)
            ON CONFLICT (session_id, participant_id) DO UPDATE SET attending = :attending, answered_at = :now""")
    void answer(@Bind("session") long sessionId, @Bind("participant") long participantId,
                @Bind("attending") boolean attending, @Bind("now") Instant now);

    /** How many current members of a group answered JA and NEJ, for each of its sessions anyone answered for. */
    record Answers(long sessionId, int ja, int nej) {}

    /** One statement for the whole group, not two per session: a year-long group has 52 sessions. */
    @SqlQuery("""
            SELECT a.session_id, count(*) FILTER (WHERE a.attending) AS ja, count(*) FILTER (WHERE NOT a.attending) AS nej
            FROM session_attendance a
            JOIN group_sessions s ON s.id = a.session_id
            JOIN group_participants p ON p.id = a.participant_id
            WHERE s.group_id = :group AND p.removed_at IS NULL
            GROUP BY a.session_id""")
    @RegisterConstructorMapper(Answers.class)
    List<Answers> answers(@Bind("group") long groupId);

    @SqlQuery("SELECT count(*) FROM reminders WHERE outcome = 'sent' AND fired_at >= :from AND fired_at < :to")
    long sentBetween(@Bind("from") Instant from, @Bind("to") Instant to);

    /** As {@link #sentBetween}, per ISO week of the zone (its Monday); only the weeks with a reminder. */
    @SqlQuery("""
            SELECT date_trunc('week', fired_at AT TIME ZONE :zone)::date AS week, count(*) AS sent
            FROM reminders WHERE outcome = 'sent' AND fired_at >= :from AND fired_at < :to
            GROUP BY 1""")
    @KeyColumn("week")
    @ValueColumn("sent")
    Map<LocalDate, Long> sentByWeek(@Bind("from") Instant from, @Bind("to") Instant to, @Bind("zone") String zone);
}
