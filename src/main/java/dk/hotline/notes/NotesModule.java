package dk.hotline.notes;

import dk.hotline.privacy.RetentionRule;
import dk.hotline.privacy.SealedTable;
import dk.hotline.privacy.Sealing;
import dk.hotline.privacy.SubjectRecords;
import dk.hotline.sms.Conversations;
import dk.hotline.sms.SmsModule;
import dk.hotline.voice.CallRecords;
import dk.hotline.voice.VoiceModule;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Post-call notes: after a call or a conversation, the leader who took it writes a short note and
 * picks categories coordinators define (for evaluation); the words are sealed at rest, erased by
 * retention, and the categories counted for the stats.
 */
public record NotesModule(Notes notes, NoteCategories categories, NoteCounts counts) {
    /** What retention erases of the notes. */
    public static final List<RetentionRule> RETENTION = List.of(new NoteRetention());
    /** What a key rotation re-seals: the notes' words. */
    public static final List<SealedTable> SEALED = List.of(SealedTable.values("notes", "body_sealed"));

    /** The notes' part of a person's access and erasure requests; erases before the calls' and texts' parts. */
    public static SubjectRecords subjects(Sealing sealing, CallRecords calls, Conversations conversations) {
        return new NoteSubjectRecords(calls, conversations, sealing.cipher());
    }

    public static NotesModule create(Jdbi jdbi, Sealing sealing, VoiceModule voice, SmsModule sms, ZoneId zone, Clock clock) {
        return new NotesModule(new Notes(jdbi, voice.calls(), sms.conversations(), sealing.cipher(), clock),
                new NoteCategories(jdbi), new NoteCounts(jdbi, zone));
    }
}
