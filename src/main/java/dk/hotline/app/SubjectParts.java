package dk.hotline.app;

import dk.hotline.followups.FollowupsModule;
import dk.hotline.groups.GroupsModule;
import dk.hotline.notes.NotesModule;
import dk.hotline.outbox.Outbox;
import dk.hotline.outbox.OutboxModule;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.Sealing;
import dk.hotline.privacy.SubjectRecords;
import dk.hotline.privacy.Subjects;
import dk.hotline.sms.Conversations;
import dk.hotline.sms.SmsModule;
import dk.hotline.twilio.TwilioRecordings;
import dk.hotline.voice.CallRecords;
import dk.hotline.voice.VoiceModule;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Each feature's part of a person's access and erasure requests, in the order they erase: notes
 * first, since they find their rows through the calls and conversations that forget the number
 * after them. Tables that hold a number but are not about the people who call or text are named
 * with the reason ({@link #NOT_ABOUT_CALLERS}); a test holds the two against the schema.
 */
public final class SubjectParts {
    /** Tables with a number, words or a hash that no access or erasure request by number reaches, and why. */
    public static final Map<String, String> NOT_ABOUT_CALLERS = Map.ofEntries(
            Map.entry("leaders", "a leader's own number, changed or removed on the leader's page"),
            Map.entry("accounts", "coordinators' and leaders' sign-in addresses"),
            Map.entry("api_tokens", "sign-in tokens, stored as hashes"),
            Map.entry("console_sessions", "console sessions, stored as hashes"),
            Map.entry("password_links", "one-time links, stored as hashes"),
            Map.entry("login_throttle", "sign-in attempts, by a hashed address"),
            Map.entry("calendar_feeds", "leaders' calendar links"),
            Map.entry("demo_data", "the demo's made-up accounts"),
            Map.entry("audit_log", "who saw what and why: names a person by row id or phone:…NN, never a number"),
            Map.entry("audit_chain", "the head of the audit log's hash chain"),
            Map.entry("key_check", "a fixed text sealed under the key, checked at start"));

    private SubjectParts() {}

    /** A person's access and erasure requests, over every feature's part. */
    static Subjects subjects(Jdbi jdbi, Sealing sealing, TwilioRecordings recordings, OutboxModule outbox, VoiceModule voice,
                             SmsModule sms, AuditLog audit, Clock clock) {
        return new Subjects(jdbi, sealing.index(),
                of(sealing, recordings, outbox.outbox(), voice.calls(), sms.conversations(), clock), audit);
    }

    public static List<SubjectRecords> of(Sealing sealing, TwilioRecordings recordings, Outbox outbox, CallRecords calls,
                                          Conversations conversations, Clock clock) {
        return List.of(NotesModule.subjects(sealing, calls, conversations), VoiceModule.subjects(sealing, recordings, clock),
                SmsModule.subjects(sealing, outbox, clock), FollowupsModule.subjects(clock), GroupsModule.subjects(clock),
                OutboxModule.subjects(sealing, clock));
    }
}
