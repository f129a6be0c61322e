package dk.hotline.rota;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The shifts table. Shifts of deleted leaders are left in place but never shown or counted. */
@RegisterConstructorMapper(Shift.class)
interface ShiftDao {
    /** The leader's name, if the leader exists and is not deleted. */
    @SqlQuery("SELECT name FROM leaders WHERE id = :id AND deleted_at IS NULL")
    Optional<String> leaderName(@Bind("id") long leaderId);

    @SqlQuery("""
            INSERT INTO shifts (leader_id, starts_at, ends_at, created_at)
            VALUES (:leader, :start, :end, :now)
            RETURNING id""")
    long insert(@Bind("leader") long leaderId, @Bind("start") Instant start, @Bind("end") Instant end,
                @Bind("now") Instant now);

    /** The shift, locked until the transaction ends; none if it is gone or its leader deleted. */
    @SqlQuery("""
            SELECT s.id, s.leader_id, l.name AS leader_name, s.starts_at AS start, s.ends_at AS "end"
            FROM shifts s JOIN leaders l ON l.id = s.leader_id
            WHERE s.id = :id AND l.deleted_at IS NULL
            FOR UPDATE OF s""")
    Optional<Shift> lock(@Bind("id") long id);

    /**
     * Gives a shift new times or another leader. One that came from a template leaves it: its
     * occurrence is remembered as skipped (extending the rota does not bring it back), and removing
     * the template later does not remove a shift a coordinator has changed by hand.
     */
    @SqlUpdate("""
            WITH skipped AS (INSERT INTO shift_template_skips (template_id, starts_at)
                             SELECT template_id, starts_at FROM shifts WHERE id = :id AND template_id IS NOT NULL
                             ON CONFLICT DO NOTHING)
            UPDATE shifts SET leader_id = :leader, starts_at = :start, ends_at = :end, template_id = NULL
            WHERE id = :id""")
    int change(@Bind("id") long id, @Bind("leader") long leaderId, @Bind("start") Instant start, @Bind("end") Instant end);

    /** Shifts that overlap [from, to), inactive leaders included: the coordinator sees the whole plan. */
    @SqlQuery("""
            SELECT s.id, s.leader_id, l.name AS leader_name, s.starts_at AS start, s.ends_at AS "end"
            FROM shifts s JOIN leaders l ON l.id = s.leader_id
            WHERE s.starts_at < :to AND s.ends_at > :from AND l.deleted_at IS NULL
            ORDER BY s.starts_at, s.id""")
    List<Shift> overlapping(@Bind("from") Instant from, @Bind("to") Instant to);

    /** One leader's shifts that overlap [from, to), by start. */
    @SqlQuery("""
            SELECT s.id, s.leader_id, l.name AS leader_name, s.starts_at AS start, s.ends_at AS "end"
            FROM shifts s JOIN leaders l ON l.id = s.leader_id
            WHERE s.leader_id = :leader AND s.starts_at < :to AND s.ends_at > :from AND l.deleted_at IS NULL
            ORDER BY s.starts_at, s.id""")
    List<Shift> ofLeader(@Bind("leader") long leaderId, @Bind("from") Instant from, @Bind("to") Instant to);

    /** Like {@link #overlapping} but only the shifts someone would actually be rung on. */
    @SqlQuery("""
            SELECT s.id, s.leader_id, l.name AS leader_name, s.starts_at AS start, s.ends_at AS "end"
            FROM shifts s JOIN leaders l ON l.id = s.leader_id
            WHERE s.starts_at < :to AND s.ends_at > :from AND l.deleted_at IS NULL AND l.active
            ORDER BY s.starts_at, s.id""")
    List<Shift> staffed(@Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            SELECT s.leader_id FROM shifts s JOIN leaders l ON l.id = s.leader_id
            WHERE s.starts_at <= :at AND s.ends_at > :at AND l.deleted_at IS NULL AND l.active
            ORDER BY s.leader_id""")
    List<Long> onShift(@Bind("at") Instant at);

    @SqlQuery("""
            SELECT s.starts_at FROM shifts s JOIN leaders l ON l.id = s.leader_id
            WHERE s.starts_at > :after AND l.deleted_at IS NULL AND l.active
            ORDER BY s.starts_at LIMIT 1""")
    Optional<Instant> nextStart(@Bind("after") Instant after);

    /**
     * Removes a shift; one that came from a template is remembered as skipped, so extending the
     * rota does not bring it back. Answers how many shifts were removed (0 or 1).
     */
    @SqlQuery("""
            WITH gone AS (DELETE FROM shifts WHERE id = :id RETURNING template_id, starts_at),
                 skipped AS (INSERT INTO shift_template_skips (template_id, starts_at)
                             SELECT template_id, starts_at FROM gone WHERE template_id IS NOT NULL
                             ON CONFLICT DO NOTHING)
            SELECT count(*) FROM gone""")
    int delete(@Bind("id") long id);
}
