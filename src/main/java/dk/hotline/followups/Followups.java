package dk.hotline.followups;

import dk.hotline.app.QuietHours;
import dk.hotline.flows.Texts;
import dk.hotline.outbox.Outbox;
import dk.hotline.outbox.Suppressions;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One follow-up text, days after a contact, to someone who agreed to it: it offers RING for a call
 * back. Each has its own Quartz trigger holding only its id, written in the same transaction's
 * stride as the row (before the commit: a trigger for a row that never committed finds nothing and
 * does nothing). It is cancelled when the person gets in touch first, and never sent after a STOP
 * or inside quiet hours (then it waits for them to end).
 */
public final class Followups {
    private static final Logger log = LoggerFactory.getLogger(Followups.class);
    static final JobKey JOB = new JobKey("FollowupJob", "followups");
    static final String ID = "followupId";
    public static final Set<String> SOURCES = Set.of("call", "callback", "conversation");

    private final Jdbi jdbi;
    private final Scheduler scheduler;
    private final Outbox outbox;
    private final Suppressions suppressions;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Texts texts;
    private final Duration after;
    private final Optional<QuietHours> quietHours;
    private final ZoneId zone;
    private final Clock clock;

    public Followups(Jdbi jdbi, Scheduler scheduler, Outbox outbox, Suppressions suppressions, PersonalDataCipher cipher,
                     BlindIndex index, Texts texts, Duration after, Optional<QuietHours> quietHours, ZoneId zone, Clock clock) {
        this.jdbi = jdbi;
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.suppressions = suppressions;
        this.cipher = cipher;
        this.index = index;
        this.texts = texts;
        this.after = after;
        this.quietHours = quietHours;
        this.zone = zone;
        this.clock = clock;
    }

    /** Stores the job once; like reminders, a follow-up whose instance died mid-run is run again elsewhere. */
    public void install() {
        quartz(() -> scheduler.addJob(JobBuilder.newJob(FollowupJob.class).withIdentity(JOB).storeDurably()
                .requestRecovery().build(), true));
    }

    /** Asks for a follow-up after the configured time; see {@link #request(Handle, String, PhoneNumber, String, String, Duration)}. */
    public Optional<Instant> request(Handle tx, String requestKey, PhoneNumber to, String language, String source) {
        return request(tx, requestKey, to, language, source, after);
    }

    /**
     * Asks for a follow-up {@code in} from now (moved out of quiet hours), once per {@code requestKey};
     * answers when it will be sent, or empty when this key asked already.
     */
    public Optional<Instant> request(Handle tx, String requestKey, PhoneNumber to, String language, String source, Duration in) {
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("source must be one of " + SOURCES);
        }
        Instant due = outsideQuietHours(clock.instant().plus(in));
        var id = tx.attach(FollowupDao.class).insert(requestKey, cipher.sealPhone(to), index.of(to),
                "en".equals(language) ? "en" : "da", source, due, clock.instant());
        id.ifPresent(followup -> {
            schedule(followup, due);
            log.info("event=followup.requested id={} source={} due={}", followup, source, due);
        });
        return id.map(x -> due);
    }

    /** The person got in touch (a text, a call): what they agreed to wait for is no longer needed. */
    public void contactFrom(Handle tx, PhoneNumber from, String how) {
        int cancelled = tx.attach(FollowupDao.class).cancelFor(index.of(from), "contact:" + how, clock.instant());
        if (cancelled > 0) {
            log.info("event=followup.cancelled reason=contact how={} count={}", how, cancelled);
        }
    }

    /** The follow-up's trigger fired: sends it unless it is settled, early, opted out, or in quiet hours. */
    public void fire(long id) {
        String outcome = jdbi.inTransaction(tx -> {
            var dao = tx.attach(FollowupDao.class);
            var row = dao.pendingForUpdate(id);
            if (row.isEmpty()) {
                return "none";
            }
            Instant now = clock.instant();
            if (now.isBefore(row.get().dueAt())) {
                return "early";
            }
            Instant allowed = outsideQuietHours(now);
            if (allowed.isAfter(now)) {
                // Late (the service was down) and now inside quiet hours: wait for them to end.
                dao.postpone(id, allowed);
                schedule(id, allowed);
                return "postponed";
            }
            PhoneNumber to = cipher.openPhone(row.get().phoneSealed());
            if (suppressions.isOptedOut(tx, to)) {
                dao.settle(id, "cancelled", "opted_out", now);
                return "opted_out";
            }
            outbox.sms(tx, "followup:" + id, to, texts.get(row.get().language(), "smsFollowup"), now);
            dao.settle(id, "sent", null, now);
            return "sent";
        });
        log.info("event=followup.fired id={} outcome={}", id, outcome);
    }

    /** Fires a follow-up now, as its trigger would (operators, and tests that must not wait days). */
    public void fireNow(long id) {
        var data = new org.quartz.JobDataMap();
        data.put(ID, Long.toString(id));
        quartz(() -> scheduler.triggerJob(JOB, data));
    }

    private Instant outsideQuietHours(Instant t) {
        return quietHours.map(q -> q.after(t, zone)).orElse(t);
    }

    /** The trigger's name carries its time, so a postponed follow-up gets a new trigger rather than editing the firing one. */
    private void schedule(long id, Instant due) {
        quartz(() -> scheduler.scheduleJob(TriggerBuilder.newTrigger()
                .withIdentity("followup-" + id + "-" + due.getEpochSecond(), "followups").forJob(JOB)
                .usingJobData(ID, Long.toString(id))
                .startAt(Date.from(due))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build()));
    }

    private interface QuartzCall {
        void call() throws SchedulerException;
    }

    private static void quartz(QuartzCall call) {
        try {
            call.call();
        } catch (SchedulerException e) {
            throw new IllegalStateException("follow-up scheduling failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Follow-ups for coordinators, by status (all when null). */
    public java.util.List<Followup> list(String status) {
        return jdbi.withExtension(FollowupDao.class, dao -> dao.list(status));
    }
}
