package dk.hotline.app;

import dk.hotline.followups.FollowupsModule;
import dk.hotline.groups.GroupsModule;
import dk.hotline.notes.NotesModule;
import dk.hotline.outbox.OutboxModule;
import dk.hotline.privacy.Sealing;
import dk.hotline.privacy.SubjectRecords;
import dk.hotline.sms.SmsModule;
import dk.hotline.twilio.TwilioRecordings;
import dk.hotline.voice.VoiceModule;
import java.time.Clock;
import java.util.List;

/**
 * Each feature's part of a person's access and erasure requests, in the order they erase: notes
 * first, since they find their rows through the calls and conversations that forget the number
 * after them.
 */
final class SubjectParts {
    private SubjectParts() {}

    static List<SubjectRecords> of(Sealing sealing, TwilioRecordings recordings, OutboxModule outbox, VoiceModule voice,
                                   SmsModule sms, Clock clock) {
        return List.of(NotesModule.subjects(sealing, voice, sms), VoiceModule.subjects(sealing, recordings, clock),
                SmsModule.subjects(sealing, outbox, clock), FollowupsModule.subjects(clock), GroupsModule.subjects(clock),
                OutboxModule.subjects(sealing, clock));
    }
}
