package dk.hotline.voice;

import dk.hotline.common.Language;
import java.time.Instant;
import java.util.Optional;

/**
 * A message a caller left. The audio is at Twilio under {@code recordingSid}; {@code erased} once
 * retention deleted it there. {@code recordingStatus} is Twilio's word on the file, when it came.
 */
public record Voicemail(long id, String callSid, String recordingSid, int durationSeconds, Language language,
                        Optional<String> recordingStatus, Instant createdAt, Optional<Instant> heardAt, boolean erased) {
    static Voicemail of(VoicemailDao.Row r) {
        return new Voicemail(r.id(), r.callSid(), r.recordingSid(), r.durationSecs(), Language.of(r.language()),
                Optional.ofNullable(r.recordingStatus()), r.createdAt(), Optional.ofNullable(r.heardAt()),
                r.deletedAt() != null);
    }
}
