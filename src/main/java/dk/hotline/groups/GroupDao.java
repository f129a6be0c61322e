package dk.hotline.groups;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Support groups, their sessions and participants. */
@RegisterConstructorMapper(GroupDao.GroupRow.class)
@RegisterConstructorMapper(GroupDao.SessionRow.class)
@RegisterConstructorMapper(GroupDao.ParticipantRow.class)
interface GroupDao {
    record GroupRow(long id, String name, String smsName, String location, long leaderId, int capacity) {}

    record SessionRow(long id, long groupId, Instant startsAt, Instant endsAt, String status) {}

    record ParticipantRow(long id, String name, byte[] phoneSealed, boolean smsConsent, String language) {}

    @SqlQuery("""
            INSERT INTO support_groups (name, sms_name, location, leader_id, capacity, created_at)
            VALUES (:name, :smsName, :location, :leader, :capacity, :now) RETURNING id""")
    long insert(@Bind("name") String name, @Bind("smsName") String smsName, @Bind("location") String location,
                @Bind("leader") long leaderId, @Bind("capacity") int capacity, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO group_sessions (group_id, starts_at, ends_at) VALUES (:group, :start, :end)")
    void insertSession(@Bind("group") long groupId, @Bind("start") Instant start, @Bind("end") Instant end);

    @SqlQuery("SELECT id, name, sms_name, location, leader_id, capacity FROM support_groups ORDER BY id")
    List<GroupRow> all();

    /** Locked: adding participants is serialised per group, so the capacity holds. */
    @SqlQuery("SELECT id, name, sms_name, location, leader_id, capacity FROM support_groups WHERE id = :id FOR UPDATE")
    Optional<GroupRow> byIdForUpdate(@Bind("id") long id);

    @SqlQuery("SELECT id, name, sms_name, location, leader_id, capacity FROM support_groups WHERE id = :id")
    Optional<GroupRow> byId(@Bind("id") long id);

    @SqlQuery("SELECT id, group_id, starts_at, ends_at, status FROM group_sessions WHERE group_id = :group ORDER BY starts_at")
    List<SessionRow> sessions(@Bind("group") long groupId);

    @SqlQuery("SELECT id, group_id, starts_at, ends_at, status FROM group_sessions WHERE id = :id AND group_id = :group FOR UPDATE")
    Optional<SessionRow> session(@Bind("group") long groupId, @Bind("id") long sessionId);

    @SqlQuery("""
            SELECT id, group_id, starts_at, ends_at, status FROM group_sessions
            WHERE group_id = :group AND starts_at = :start AND status = 'scheduled'""")
    Optional<SessionRow> sessionAt(@Bind("group") long groupId, @Bind("start") Instant start);

    @SqlUpdate("DELETE FROM session_attendance WHERE session_id = :id")
    void forgetAnswers(@Bind("id") long sessionId);

    @SqlUpdate("UPDATE group_sessions SET starts_at = :start, ends_at = :end WHERE id = :id")
    void move(@Bind("id") long sessionId, @Bind("start") Instant start, @Bind("end") Instant end);

    /** The first session still to come: what an invitation names. */
    @SqlQuery("""
            SELECT id, group_id, starts_at, ends_at, status FROM group_sessions
            WHERE group_id = :group AND status = 'scheduled' AND starts_at > :after ORDER BY starts_at LIMIT 1""")
    Optional<SessionRow> nextSession(@Bind("group") long groupId, @Bind("after") Instant after);

    @SqlUpdate("UPDATE group_sessions SET status = 'cancelled' WHERE id = :id AND status = 'scheduled'")
    int cancel(@Bind("id") long sessionId);

    @SqlQuery("SELECT count(*) FROM group_participants WHERE group_id = :group AND removed_at IS NULL")
    int participantCount(@Bind("group") long groupId);

    @SqlQuery("""
            SELECT id, name, phone_sealed, sms_consent, language FROM group_participants
            WHERE group_id = :group AND removed_at IS NULL ORDER BY id""")
    List<ParticipantRow> participants(@Bind("group") long groupId);

    @SqlQuery("""
            INSERT INTO group_participants (group_id, name, phone_sealed, phone_index, sms_consent, language, created_at)
            VALUES (:group, :name, :sealed, :index, :consent, :language, :now)
            ON CONFLICT (group_id, phone_index) WHERE removed_at IS NULL DO NOTHING RETURNING id""")
    Optional<Long> addParticipant(@Bind("group") long groupId, @Bind("name") String name, @Bind("sealed") byte[] sealed,
                                  @Bind("index") byte[] index, @Bind("consent") boolean smsConsent,
                                  @Bind("language") String language, @Bind("now") Instant now);

    /** Removal erases the number: nothing personal stays behind a removed participant. */
    @SqlUpdate("""
            UPDATE group_participants SET removed_at = :now, phone_sealed = NULL, phone_index = NULL
            WHERE id = :id AND group_id = :group AND removed_at IS NULL""")
    int removeParticipant(@Bind("group") long groupId, @Bind("id") long participantId, @Bind("now") Instant now);

    /** How many groups the leader leads that have a session still to come (not cancelled, not over). */
    @SqlQuery("""
            SELECT count(*) FROM support_groups g
            WHERE g.leader_id = :leader AND EXISTS (SELECT 1 FROM group_sessions s
                  WHERE s.group_id = g.id AND s.status = 'scheduled' AND s.ends_at > :now)""")
    int runningLedBy(@Bind("leader") long leaderId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE support_groups SET leader_id = :leader WHERE id = :id")
    int changeLeader(@Bind("id") long groupId, @Bind("leader") long leaderId);
}
