package dk.hotline.groups;

import dk.hotline.common.QuietHours;
import dk.hotline.db.TableStatistics;
import dk.hotline.flows.RevealingWords;
import dk.hotline.flows.Texts;
import dk.hotline.outbox.OutboxModule;
import dk.hotline.privacy.RetentionRule;
import dk.hotline.privacy.SealedTable;
import dk.hotline.privacy.Sealing;
import dk.hotline.privacy.SubjectRecords;
import dk.hotline.rota.RotaModule;
import dk.hotline.scheduling.Jobs;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Support groups: groups, their weekly sessions and participants, discreet reminders before each
 * session with JA/NEJ answers, and the interest list people join by text or by call.
 */
public record GroupsModule(Groups groups, SessionChanges sessions, GroupInterest interest, GroupInvitations invitations, Attendance attendance,
                           Reminders reminders) {
    /** What retention erases of the interest list, and what it keeps. */
    public static final List<RetentionRule> RETENTION = GroupRetention.RULES;
    /** What a key rotation re-seals: participants' numbers and the interest list's. */
    public static final List<SealedTable> SEALED = List.of(
            SealedTable.number("group_participants", "phone_sealed", "phone_index"),
            SealedTable.number("group_interest", "phone_sealed", "phone_index"));

    /** How often the reminder triggers are checked against the sessions (and at every start). */
    static final Duration CHECK_EVERY = Duration.ofHours(1);

    /** The groups' part of a person's access and erasure requests. */
    public static SubjectRecords subjects(Clock clock) {
        return new GroupSubjectRecords(clock);
    }

    /** @param revealingWords words a group's {@code smsName} may not hold: it goes into texts to participants */
    public static GroupsModule create(Jdbi jdbi, Sealing sealing, Texts texts, OutboxModule outbox, RotaModule rota,
                                      ReminderSettings settings, Optional<QuietHours> quietHours, List<String> revealingWords,
                                      ZoneId zone, Jobs jobs, Clock clock) {
        var plan = new ReminderPlan(settings.offsets(), quietHours, zone);
        var triggers = new ReminderTriggers(jobs.scheduler(), plan, new TableStatistics(jdbi), clock);
        var reminders = new Reminders(jdbi, plan, triggers, outbox.outbox(), outbox.suppressions(), sealing.cipher(), texts,
                zone, settings.grace(), clock);
        jobs.register(ReminderJob.class, () -> new ReminderJob(reminders));
        triggers.install();
        // Also runs at every start: it puts back reminder triggers a crash kept from being written.
        jobs.every(ReminderCheckJob.class, () -> new ReminderCheckJob(reminders), CHECK_EVERY);
        var interest = new GroupInterest(sealing.cipher(), sealing.index(), clock);
        var views = new GroupViews(sealing.cipher());
        return new GroupsModule(
                new Groups(jdbi, rota.leaders(), views, sealing.cipher(), sealing.index(), new RevealingWords(revealingWords), zone, triggers, clock),
                new SessionChanges(jdbi, views, outbox.outbox(), sealing.cipher(), texts, zone, triggers, clock),
                interest,
                new GroupInvitations(jdbi, interest, outbox.outbox(), outbox.suppressions(), texts, zone, clock),
                new Attendance(rota.leaders(), outbox.outbox(), sealing.index(), texts, zone, clock),
                reminders);
    }
}
