package dk.hotline.rota;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The shift_templates table, and the shifts it makes. */
@RegisterConstructorMapper(ShiftTemplateDao.Row.class)
interface ShiftTemplateDao {
    record Row(long id, long leaderId, String leaderName, int weekday, LocalTime startLocal, LocalTime endLocal) {
        ShiftTemplate template() {
            return new ShiftTemplate(id, leaderId, leaderName, DayOfWeek.of(weekday), startLocal, endLocal);
        }
    }

    @SqlQuery("""
            INSERT INTO shift_templates (leader_id, weekday, start_local, end_local, active, created_at)
            VALUES (:leader, :weekday, :start, :end, TRUE, :now)
            RETURNING id""")
    long insert(@Bind("leader") long leaderId, @Bind("weekday") int weekday, @Bind("start") LocalTime start,
                @Bind("end") LocalTime end, @Bind("now") Instant now);

    /** Templates still in use, of leaders not deleted, in the order of a week. */
    @SqlQuery("""
            SELECT t.id, t.leader_id, l.name AS leader_name, t.weekday, t.start_local, t.end_local
            FROM shift_templates t JOIN leaders l ON l.id = t.leader_id
            WHERE t.active AND l.deleted_at IS NULL
            ORDER BY t.weekday, t.start_local, l.name, t.id""")
    List<Row> active();

    /**
     * The template if it is still in use, share-locked for the rest of the transaction: a delete
     * waits for the shifts being made from it, then removes them too.
     */
    @SqlQuery("""
            SELECT t.id, t.leader_id, l.name AS leader_name, t.weekday, t.start_local, t.end_local
            FROM shift_templates t JOIN leaders l ON l.id = t.leader_id
            WHERE t.id = :id AND t.active AND l.deleted_at IS NULL
            FOR SHARE OF t""")
    Optional<Row> lockActive(@Bind("id") long id);

    /**
     * One occurrence, unless it exists already, a coordinator removed it, or it would overlap
     * another shift of the leader (both constraints answer "do nothing"). Answers 1 if made.
     */
    @SqlUpdate("""
            INSERT INTO shifts (leader_id, starts_at, ends_at, template_id, created_at)
            SELECT :leader, :start, :end, :template, :now
            WHERE NOT EXISTS (SELECT 1 FROM shift_template_skips WHERE template_id = :template AND starts_at = :start)
            ON CONFLICT DO NOTHING""")
    int insertShift(@Bind("template") long templateId, @Bind("leader") long leaderId, @Bind("start") Instant start,
                    @Bind("end") Instant end, @Bind("now") Instant now);

    @SqlUpdate("UPDATE shift_templates SET active = FALSE WHERE id = :id AND active")
    int deactivate(@Bind("id") long id);

    /** Its shifts that have not started; one under way is left to finish. */
    @SqlUpdate("DELETE FROM shifts WHERE template_id = :id AND starts_at > :now")
    int deleteFutureShifts(@Bind("id") long id, @Bind("now") Instant now);

    /** Holds the leader's row until the transaction ends, so their templates are checked and added one request at a time. */
    @SqlQuery("SELECT id FROM leaders WHERE id = :leader FOR NO KEY UPDATE")
    Optional<Long> lockLeader(@Bind("leader") long leaderId);
}
