package dk.hotline.voice;

import dk.hotline.privacy.RetentionRule;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Voicemail recordings live at Twilio, so retention deletes them there, and marks them deleted here
 * only once Twilio confirmed; one that could not be deleted stays due and is tried again on the
 * next run. Due are those past the retention, and those nobody will hear (nothing said, or never
 * announced). One request at a time and outside any transaction: a slow Twilio holds no lock.
 */
final class VoicemailRetention implements RetentionRule {
    /** A recording whose Record action never came this long after its status callback is nobody's message. */
    static final Duration UNANNOUNCED_RECORDING = Duration.ofDays(1);
    /** This many failed deletes in a row: Twilio is down or refusing us, and the rest wait for the next run too. */
    static final int MAX_FAILURES_IN_A_ROW = 3;

    /** Deletes a recording at Twilio; true when it is gone there (deleted now, or already). */
    @FunctionalInterface
    interface RecordingEraser {
        boolean erase(String recordingSid);
    }

    private record DueRecording(long id, String recordingSid) {}

    private final RecordingEraser recordings;

    VoicemailRetention(RecordingEraser recordings) {
        this.recordings = recordings;
    }

    @Override
    public Set<String> tables() {
        return Set.of("voicemails");
    }

    @Override
    public Map<String, Integer> erase(Jdbi jdbi, Instant cutoff, Instant now) {
        List<DueRecording> due = jdbi.withHandle(h -> h.createQuery("""
                SELECT id, recording_sid FROM voicemails
                WHERE deleted_at IS NULL
                  AND (created_at < :cutoff OR discarded OR (duration_secs IS NULL AND created_at < :unannounced))
                ORDER BY id""")
                .bind("cutoff", cutoff).bind("unannounced", now.minus(UNANNOUNCED_RECORDING))
                .map((rs, ctx) -> new DueRecording(rs.getLong("id"), rs.getString("recording_sid"))).list());
        int erased = 0;
        int failedInARow = 0;
        for (DueRecording recording : due) {
            if (failedInARow >= MAX_FAILURES_IN_A_ROW) {
                break;
            }
            if (!recordings.erase(recording.recordingSid())) {
                failedInARow++;
                continue;
            }
            failedInARow = 0;
            erased++;
            jdbi.useHandle(h -> h.createUpdate("UPDATE voicemails SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL")
                    .bind("now", now).bind("id", recording.id()).execute());
        }
        var counts = new LinkedHashMap<String, Integer>();
        counts.put("voicemail_recordings", erased);
        counts.put("voicemail_recordings_due", due.size() - erased);
        return counts;
    }
}
