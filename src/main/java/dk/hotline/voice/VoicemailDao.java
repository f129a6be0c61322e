package dk.hotline.voice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The voicemails table: one row per call that reached a voicemail step and recorded something.
 * The Record action and the recording status callback come in either order; each fills in its
 * part of the row, keyed by CallSid, so neither a retry nor the order makes a second one.
 */
@RegisterConstructorMapper(VoicemailDao.Row.class)
interface VoicemailDao {
    record Row(long id, String callSid, String recordingSid, Integer durationSecs, String language,
               String recordingStatus, boolean discarded, Instant createdAt, Instant heardAt, Instant deletedAt) {}

    /**
     * The Record action's result; the id when this made the message (new, or completing a row its
     * status callback started), empty when the call's message was stored before.
     */
    @SqlQuery("""
            INSERT INTO voicemails (call_sid, recording_sid, duration_secs, language, discarded, created_at)
            VALUES (:callSid, :recordingSid, :duration, :language, :discarded, :now)
            ON CONFLICT (call_sid) DO UPDATE
                SET recording_sid = EXCLUDED.recording_sid, duration_secs = EXCLUDED.duration_secs,
                    language = EXCLUDED.language, discarded = EXCLUDED.discarded
                WHERE voicemails.duration_secs IS NULL
            RETURNING id""")
    Optional<Long> store(@Bind("callSid") String callSid, @Bind("recordingSid") String recordingSid,
                         @Bind("duration") int durationSeconds, @Bind("language") String language,
                         @Bind("discarded") boolean discarded, @Bind("now") Instant now);

    /** Twilio's word on the recording file: completed, absent or failed. */
    @SqlUpdate("""
            INSERT INTO voicemails (call_sid, recording_sid, recording_status, created_at)
            VALUES (:callSid, :recordingSid, :status, :now)
            ON CONFLICT (call_sid) DO UPDATE SET recording_status = EXCLUDED.recording_status
                WHERE voicemails.recording_sid = EXCLUDED.recording_sid""")
    int recordingStatus(@Bind("callSid") String callSid, @Bind("recordingSid") String recordingSid,
                        @Bind("status") String status, @Bind("now") Instant now);

    /** Messages a coordinator can listen to: recorded, something said, not yet erased. */
    @SqlQuery("""
            SELECT id, call_sid, recording_sid, duration_secs, language, recording_status, discarded, created_at,
                   heard_at, deleted_at
            FROM voicemails WHERE duration_secs IS NOT NULL AND NOT discarded AND deleted_at IS NULL
            ORDER BY created_at, id""")
    List<Row> listable();

    @SqlQuery("""
            SELECT id, call_sid, recording_sid, duration_secs, language, recording_status, discarded, created_at,
                   heard_at, deleted_at
            FROM voicemails WHERE id = :id AND duration_secs IS NOT NULL AND NOT discarded""")
    Optional<Row> byId(@Bind("id") long id);

    @SqlUpdate("UPDATE voicemails SET heard_at = COALESCE(heard_at, :now) WHERE id = :id")
    int heard(@Bind("id") long id, @Bind("now") Instant now);
}
