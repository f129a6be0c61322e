package dk.hotline.groups;

import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.outbox.Suppressions;
import dk.hotline.privacy.PersonalDataCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
     * The reminder for {@code offset} before the session, made for a session starting at
     * {@code start}, as things are now: nothing for a cancelled session or one that has moved
     * since; skipped (and recorded) once the session has begun, when later than the grace period,
     * or inside quiet hours. A text is never queued to go before its time, nor after its session
     * began or quiet hours began.
     */
    public void fire(long sessionId, Duration offset, Instant start) {
        // Logged after the commit: the line means the texts are in the outbox.
        Result result = jdbi.inTransaction(tx -> {
            var dao = tx.attach(ReminderDao.class);
            var session = dao.sessionForUpdate(sessionId);
            if (session.isEmpty() || !"scheduled".equals(session.get().status())) {
                return new Result("dropped", "reason=not_scheduled");
            }
            if (!session.get().startsAt().equals(start)) {
                return new Result("dropped", "reason=moved");
            }
            var due = plan.due(start, offset);
            if (due.isEmpty()) {
                return new Result("dropped", "reason=no_such_reminder");
            }
            Instant dueAt = due.get().due();
            Instant now = clock.instant();
            String outcome = !now.isBefore(start) ? "skipped_started"
                    : now.isAfter(dueAt.plus(grace)) ? "skipped_late"
                    : plan.isQuiet(now) ? "skipped_quiet" : "sent";
            // A trigger may fire a moment early (Quartz's own slack, another instance's clock): the
            // text still waits for its time.
            Instant notBefore = now.isBefore(dueAt) ? dueAt : now;
            var group = tx.attach(GroupDao.class).byId(session.get().groupId()).orElseThrow();
            int sent = 0;
            for (var p : dao.recipients(group.id(), dueAt)) {
                var phone = cipher.openPhone(p.phoneSealed());
                String recorded = "sent".equals(outcome) && suppressions.isOptedOut(tx, phone) ? "skipped_opted_out" : outcome;
                if (dao.record(sessionId, p.id(), offset.toSeconds(), start, dueAt, now, recorded) == 1 && "sent".equals(recorded)) {
                    Language language = Language.of(p.language());
                    String body = texts.fill(language, Text.SMS_REMINDER,
                            Map.of("group", group.smsName(), "when", times.format(start, language)));
                    outbox.sms(tx, MessageKind.REMINDER, sessionId + ":" + p.id() + ":" + offset.toSeconds() + ":" + start.getEpochSecond(),
                            phone, body, notBefore, plan.latest(start, dueAt));
                    sent++;
                }
            }
            return new Result("fired", "outcome=" + outcome + " texts=" + sent);
        });
        log.info("event=reminder.{} session={} offset={} {}", result.event(), sessionId, offset, result.detail());
    }

    /** Fires a session's reminder for this offset now, for the start it has, and returns when it has run (operators, and tests). */
    public void fireNow(long sessionId, Duration offset) {
        jdbi.withExtension(ReminderDao.class, dao -> dao.start(sessionId))
                .ifPresent(start -> fireNow(sessionId, offset, start));
    }

    /** Fires the trigger made for a session starting at {@code start}, as it would fire (also one the session has moved from), and waits for it. */
    public void fireNow(long sessionId, Duration offset, Instant start) {
        triggers.fireNow(sessionId, offset, start);
    }

    /** When the session's reminder for this offset is set to fire, for the start it has now. */
    public Optional<Instant> scheduledAt(long sessionId, Duration offset) {
        return jdbi.withExtension(ReminderDao.class, dao -> dao.start(sessionId))
                .flatMap(start -> triggers.scheduledAt(sessionId, offset, start));
    }

    /** How many reminders were sent (one per participant and reminder) by triggers fired in {@code [from, to)}. */
    public long sentBetween(Instant from, Instant to) {
        return jdbi.withExtension(ReminderDao.class, dao -> dao.sentBetween(from, to));
    }

    /** {@link #sentBetween} per local ISO week, keyed by its Monday; weeks without a reminder are absent. */
    public Map<LocalDate, Long> sentByWeek(Instant from, Instant to, ZoneId zone) {
        Map<LocalDate, Long> weeks = jdbi.withExtension(ReminderDao.class, dao -> dao.sentByWeek(from, to, zone.getId()));
        return new TreeMap<>(weeks);
    }

    /**
     * Puts back the trigger of every upcoming reminder: run at startup and hourly, so a trigger lost
     * between a session's commit and its scheduling (a crash, a database hiccup) is there again.
     */
    public int reconcile() {
        Instant now = clock.instant();
        var sessions = jdbi.withExtension(ReminderDao.class, dao -> dao.upcoming(now));
        var starts = new LinkedHashMap<Long, Instant>();
        sessions.forEach(s -> starts.put(s.id(), s.startsAt()));
        triggers.reconcile(starts, jdbi.withExtension(ReminderDao.class, dao -> dao.triggerStarts(triggers.schedulerName())));
        for (var s : sessions) {
            // A reminder due within the grace period whose trigger was never written (a crash right
            // after the session was saved) and that never fired: fired now, late but in time.
            for (var due : plan.dues(s.startsAt())) {
                boolean inGrace = !due.due().isAfter(now) && !now.isAfter(due.due().plus(grace));
                if (inGrace && !jdbi.withExtension(ReminderDao.class,
                        dao -> dao.fired(s.id(), due.offset().toSeconds(), s.startsAt()))) {
                    triggers.fireIfAbsent(s.id(), due.offset(), s.startsAt());
                }
            }
        }
        log.info("event=reminder.reconciled sessions={}", sessions.size());
        return sessions.size();
    }
}
