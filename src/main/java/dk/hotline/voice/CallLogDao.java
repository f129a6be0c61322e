package dk.hotline.voice;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The calls table: one row per inbound call, keyed by Twilio's CallSid so retries change nothing. */
public interface CallLogDao {
    @SqlUpdate("""
            INSERT INTO calls (call_sid, caller_sealed, caller_index, status, arrived_at, updated_at)
            VALUES (:sid, :callerSealed, :callerIndex, 'arrived', :now, :now)
            ON CONFLICT (call_sid) DO NOTHING""")
    int recordArrival(@Bind("sid") String callSid, @Bind("callerSealed") byte[] callerSealed,
                      @Bind("callerIndex") byte[] callerIndex, @Bind("now") Instant now);

    /** Status callbacks may come late or out of order: only a further-along status is kept. */
    @SqlUpdate("""
            UPDATE calls SET status = :status, status_rank = :rank,
                             duration_secs = COALESCE(:duration, duration_secs), updated_at = :now
            WHERE call_sid = :sid AND status_rank < :rank""")
    int recordStatus(@Bind("sid") String callSid, @Bind("status") String status, @Bind("rank") int rank,
                     @Bind("duration") Integer durationSeconds, @Bind("now") Instant now);

    @org.jdbi.v3.sqlobject.statement.SqlQuery("SELECT count(*) > 0 FROM calls WHERE call_sid = :sid")
    boolean exists(@Bind("sid") String callSid);
}
