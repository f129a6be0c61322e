package dk.hotline.demo;

import dk.hotline.groups.Group;
import dk.hotline.outbox.MessageKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The groups' past as the groups feature leaves it: each reminder that was due before now went to
 * every participant who agreed to texts, and most answered the first one JA or NEJ (a text in, the
 * answer recorded, a short thanks out). The groups and participants are dated back to before their
 * first session, since a reminder goes only to those who had joined by its time.
 */
final class DemoReminders {
    private final DemoWrites w;
    private final List<Duration> offsets;
    private int sent;

    DemoReminders(DemoWrites w, List<Duration> offsets) {
        this.w = w;
        this.offsets = List.copyOf(offsets);
    }

    /** Returns how many reminders were sent. */
    int write(List<DemoGroups.Made> groups, Instant now) {
        for (var made : groups) {
            Group group = made.group();
            Instant joined = group.sessions().stream().map(Group.Session::start).min(Instant::compareTo).orElse(now)
                    .minus(Duration.ofDays(14));
            w.tx().createUpdate("UPDATE support_groups SET created_at = :at WHERE id = :id").bind("at", joined)
                    .bind("id", group.id()).execute();
            w.tx().createUpdate("UPDATE group_participants SET created_at = :at WHERE group_id = :id").bind("at", joined)
                    .bind("id", group.id()).execute();
            for (var session : group.sessions()) {
                for (int i = 0; i < offsets.size(); i++) {
                    Instant due = session.start().minus(offsets.get(i));
                    if (due.isBefore(now)) {
                        remind(group, session, made.members(), offsets.get(i), due, i == 0, now);
                    }
                }
            }
        }
        return sent;
    }

    private void remind(Group group, Group.Session session, List<DemoGroups.Member> members, Duration offset, Instant due,
                        boolean answered, Instant now) {
        for (var member : members) {
            if (!member.smsConsent()) {
                continue;
            }
            w.tx().createUpdate("""
                    INSERT INTO reminders (session_id, participant_id, offset_seconds, session_start, due_at, fired_at, outcome)
                    VALUES (:session, :participant, :offset, :start, :due, :due, 'sent')""")
                    .bind("session", session.id()).bind("participant", member.id()).bind("offset", offset.toSeconds())
                    .bind("start", session.start()).bind("due", due).execute();
            boolean english = member.language().equals("en");
            w.sent(MessageKind.REMINDER, "reminder", member.phone(), english
                    ? "Reminder: " + group.smsName() + " meets soon. Reply JA if you come, NEJ if not."
                    : "Påmindelse: " + group.smsName() + " mødes snart. Svar JA, hvis du kommer, eller NEJ, hvis ikke.", due);
            sent++;
            Instant answer = due.plus(Duration.ofMinutes(w.between(5, 180)));
            if (answered && w.chance(0.8) && answer.isBefore(now)) {
                boolean attending = w.chance(0.85);
                w.received(false, answer);
                w.tx().createUpdate("""
                        INSERT INTO session_attendance (session_id, participant_id, attending, answered_at)
                        VALUES (:session, :participant, :attending, :at)""")
                        .bind("session", session.id()).bind("participant", member.id()).bind("attending", attending)
                        .bind("at", answer).execute();
                w.sent(MessageKind.ATTENDANCE, "attendance", member.phone(), english ? "Thank you for your answer."
                        : "Tak for dit svar.", answer.plusSeconds(1));
            }
        }
    }
}
