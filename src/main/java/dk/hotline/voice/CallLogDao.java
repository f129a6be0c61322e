package dk.hotline.voice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The calls table: one row per inbound call, keyed by Twilio's CallSid so retries change nothing. */
@RegisterConstructorMapper(CallLogDao.CallRow.class)
@RegisterConstructorMapper(CallStats.CallFigures.class)
@RegisterConstructorMapper(CallLogDao.HourCount.class)
@RegisterConstructorMapper(CallLogDao.WeekFigures.class)
interface CallLogDao {
    record CallRow(String callSid, byte[] callerSealed, String language, String menuPath, String outcome,
                   String status, Long answeredBy, Instant arrivedAt, Instant answeredAt, Instant ringStartedAt,
                   Instant queuedAt, Instant endedAt, Integer durationSecs) {}

    /** Status callbacks may come late or out of order: only a further-along status is kept. */
    @SqlUpdate("""
            UPDATE calls SET status = :status, status_rank = :rank,
                             duration_secs = COALESCE(:duration, duration_secs), updated_at = :now
            WHERE call_sid = :sid AND status_rank < :rank""")
    int recordStatus(@Bind("sid") String callSid, @Bind("status") String status, @Bind("rank") int rank,
                     @Bind("duration") Integer durationSeconds, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT call_sid, caller_sealed, language, menu_path, outcome, status, answered_by, arrived_at, answered_at,
                   ring_started_at, queued_at, ended_at, duration_secs
            FROM calls WHERE call_sid = :sid""")
    Optional<CallRow> byId(@Bind("sid") String callSid);

    @SqlQuery("""
            SELECT call_sid, caller_sealed, language, menu_path, outcome, status, answered_by, arrived_at, answered_at,
                   ring_started_at, queued_at, ended_at, duration_secs
            FROM calls WHERE arrived_at >= :from AND arrived_at < :to ORDER BY arrived_at""")
    List<CallRow> between(@Bind("from") Instant from, @Bind("to") Instant to);

    /** Calls not yet over that came in since {@code since} (older ones lost their end), by arrival. */
    @SqlQuery("""
            SELECT call_sid, caller_sealed, language, menu_path, outcome, status, answered_by, arrived_at, answered_at,
                   ring_started_at, queued_at, ended_at, duration_secs
            FROM calls WHERE ended_at IS NULL AND arrived_at >= :since ORDER BY arrived_at""")
    List<CallRow> notEnded(@Bind("since") Instant since);

    @SqlUpdate("UPDATE calls SET queued_at = COALESCE(queued_at, :now), updated_at = :now WHERE call_sid = :sid")
    int queued(@Bind("sid") String callSid, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE calls SET answered_by = :leader, answered_at = :now, outcome = 'answered', updated_at = :now
            WHERE call_sid = :sid AND answered_at IS NULL""")
    int answered(@Bind("sid") String callSid, @Bind("leader") long leaderId, @Bind("now") Instant now);

    /** The latest thing that happened to a call, unless a leader already answered it. */
    @SqlUpdate("""
            UPDATE calls SET outcome = :outcome, updated_at = :now
            WHERE call_sid = :sid AND outcome IS DISTINCT FROM 'answered'""")
    int outcome(@Bind("sid") String callSid, @Bind("outcome") String outcome, @Bind("now") Instant now);

    default int outcome(String callSid, CallOutcome outcome, Instant now) {
        return outcome(callSid, outcome.code(), now);
    }

    /**
     * The call is over. A call that ended with no outcome was abandoned where the caller was
     * ({@link CallOutcome#ABANDONED_QUEUE}, {@code _RINGING}, {@code _MENU}).
     */
    @SqlUpdate("""
            UPDATE calls SET ended_at = COALESCE(ended_at, :now), updated_at = :now,
                             outcome = COALESCE(outcome, CASE WHEN queued_at IS NOT NULL THEN 'abandoned-queue'
                                                             WHEN ring_started_at IS NOT NULL THEN 'abandoned-ringing'
                                                             ELSE 'abandoned-menu' END)
            WHERE call_sid = :sid""")
    int ended(@Bind("sid") String callSid, @Bind("now") Instant now);

    /**
     * Calls that arrived in the window: all, answered by a leader, and missed ({@code missed}: the
     * codes of the outcomes that count as missed, see {@link CallOutcome}). The median is over the
     * whole seconds from arrival to answer, as /api/calls shows them.
     */
    @SqlQuery("""
            SELECT count(*) AS offered,
                   count(*) FILTER (WHERE answered_at IS NOT NULL) AS answered,
                   count(*) FILTER (WHERE answered_at IS NULL AND outcome = ANY(:missed)) AS missed,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM answered_at - arrived_at))::double precision)
                       FILTER (WHERE answered_at IS NOT NULL) AS median_answer_seconds
            FROM calls WHERE arrived_at >= :from AND arrived_at < :to""")
    CallStats.CallFigures figures(@Bind("from") Instant from, @Bind("to") Instant to, @Bind("missed") String[] missed);

    /** The calls {@code leader} answered that came in since {@code since}, newest first. */
    @SqlQuery("""
            SELECT call_sid, arrived_at FROM calls
            WHERE answered_by = :leader AND arrived_at >= :since ORDER BY arrived_at DESC""")
    @RegisterConstructorMapper(CallRecords.Answered.class)
    List<CallRecords.Answered> answeredBy(@Bind("leader") long leaderId, @Bind("since") Instant since);

    /** Calls that arrived in the window on an ISO day of the week (1 = Monday) and an hour (0–23) of the zone's wall clock. */
    record HourCount(int day, int hour, long calls) {}

    /**
     * Calls by the local wall-clock hour they arrived in: {@code AT TIME ZONE} with the zone's name
     * gives the local time on either side of a DST change (the doubled autumn hour counts twice in
     * hour 2; in spring's lost hour nothing can arrive). Only the hours with a call are returned.
     */
    @SqlQuery("""
            SELECT extract(isodow FROM arrived_at AT TIME ZONE :zone)::int AS day,
                   extract(hour FROM arrived_at AT TIME ZONE :zone)::int AS hour, count(*) AS calls
            FROM calls WHERE arrived_at >= :from AND arrived_at < :to
            GROUP BY 1, 2""")
    List<HourCount> byHourOfWeek(@Bind("from") Instant from, @Bind("to") Instant to, @Bind("zone") String zone);

    /** {@link #figures} of one local ISO week (its Monday). */
    record WeekFigures(LocalDate week, long offered, long answered, long missed, Double medianAnswerSeconds) {}

    /** As {@link #figures}, per ISO week (Monday to Sunday) of the zone; only the weeks with a call. */
    @SqlQuery("""
            SELECT date_trunc('week', arrived_at AT TIME ZONE :zone)::date AS week,
                   count(*) AS offered,
                   count(*) FILTER (WHERE answered_at IS NOT NULL) AS answered,
                   count(*) FILTER (WHERE answered_at IS NULL AND outcome = ANY(:missed)) AS missed,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM answered_at - arrived_at))::double precision)
                       FILTER (WHERE answered_at IS NOT NULL) AS median_answer_seconds
            FROM calls WHERE arrived_at >= :from AND arrived_at < :to
            GROUP BY 1""")
    List<WeekFigures> weekly(@Bind("from") Instant from, @Bind("to") Instant to, @Bind("zone") String zone,
                             @Bind("missed") String[] missed);

    @SqlQuery("SELECT count(*) > 0 FROM calls WHERE call_sid = :sid")
    boolean exists(@Bind("sid") String callSid);
}
