package dk.hotline.groups;

import dk.hotline.flows.Texts;
import dk.hotline.outbox.Outbox;
import dk.hotline.outbox.Suppressions;
import dk.hotline.privacy.PersonalDataCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a session's reminder to each participant who agreed to texts, once: the reminder row's
 * unique key and the outbox row's dedupe key both stand between a trigger that fires twice (a
 * retry, a recovered job, a second instance) and a second text.
 */
public final class Reminders {
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final Jdbi jdbi;
    private final ReminderPlan plan;
    private final ReminderTriggers triggers;
    private final Outbox outbox;
    private final Suppressions suppressions;
    private final PersonalDataCipher cipher;
    private final Texts texts;
    private final SessionTimes times;
    private final Duration grace;
    private final Clock clock;

    private record Result(String event, String detail) {}

    public Reminders(Jdbi jdbi, ReminderPlan plan, ReminderTriggers triggers, Outbox outbox, Suppressions suppressions,
                     PersonalDataCipher cipher, Texts texts, java.time.ZoneId zone, Duration grace, Clock clock) {
        this.jdbi = jdbi;
        this.plan = plan;
        this.triggers = triggers;
        this.outbox = outbox;
        this.suppressions = suppressions;
        this.cipher = cipher;
        this.texts = texts;
        this.times = new SessionTimes(zone);
        this.grace = grace;
        this.clock = clock;
    }

    /**
     * The reminder for {@code offset} before the session, as things are now: not before its time,
     * not for a cancelled session, and not once the session has begun or when later than the grace
     * period (both recorded as skipped).
     */
    public void fire(long sessionId, Duration offset) {
        // Logged after the commit: the line means the texts are in the outbox.
        Result result = jdbi.inTransaction(tx -> {
            var dao = tx.attach(ReminderDao.class);
            var session = dao.sessionForUpdate(sessionId).filter(s -> "scheduled".equals(s.status()));
            var due = session.flatMap(s -> plan.due(s.startsAt(), offset));
            if (session.isEmpty() || due.isEmpty()) {
                return new Result("dropped", "reason=no_such_reminder");
            }
            Instant start = session.get().startsAt();
            Instant dueAt = due.get().due();
            Instant now = clock.instant();
            if (now.isBefore(dueAt)) {
                // A trigger from before the session moved; the session's own trigger comes at the right time.
                return new Result("dropped", "reason=early");
            }
            String outcome = !now.isBefore(start) ? "skipped_started"
                    : now.isAfter(dueAt.plus(grace)) ? "skipped_late" : "sent";
            var group = tx.attach(GroupDao.class).byId(session.get().groupId()).orElseThrow();
            int sent = 0;
            for (var p : dao.recipients(group.id(), dueAt)) {
                var phone = cipher.openPhone(p.phoneSealed());
                String recorded = "sent".equals(outcome) && suppressions.isOptedOut(tx, phone) ? "skipped_opted_out" : outcome;
                if (dao.record(sessionId, p.id(), offset.toSeconds(), start, dueAt, now, recorded) == 1 && "sent".equals(recorded)) {
                    String body = texts.get(p.language(), "smsReminder").replace("{group}", group.smsName())
                            .replace("{when}", times.format(start, p.language()));
                    outbox.sms(tx, "reminder:" + sessionId + ":" + p.id() + ":" + offset.toSeconds() + ":" + start.getEpochSecond(),
                            phone, body, now);
                    sent++;
                }
            }
            return new Result("fired", "outcome=" + outcome + " texts=" + sent);
        });
        log.info("event=reminder.{} session={} offset={} {}", result.event(), sessionId, offset, result.detail());
    }

    /** How many reminders were sent (one per participant and reminder) by triggers fired in {@code [from, to)}. */
    public long sentBetween(Instant from, Instant to) {
        return jdbi.withExtension(ReminderDao.class, dao -> dao.sentBetween(from, to));
    }

    /**
     * Puts back the trigger of every upcoming reminder: run at startup and hourly, so a trigger lost
     * between a session's commit and its scheduling (a crash, a database hiccup) is there again.
     */
    public int reconcile() {
        var sessions = jdbi.withExtension(ReminderDao.class, dao -> dao.upcoming(clock.instant()));
        sessions.forEach(s -> triggers.schedule(s.id(), s.startsAt()));
        return sessions.size();
    }
}
