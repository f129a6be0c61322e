package dk.hotline.groups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * One Quartz trigger per session and reminder offset, in the clustered JDBC job store, holding
 * only the session id and the offset. The database is the truth: a trigger is a wake-up call, and
 * {@link Reminders#fire} decides from the session as it is then. The trigger is written after the
 * session's transaction commits, so {@link Reminders#reconcile} puts back any a crash in between lost.
 */
public final class ReminderTriggers {
    static final String GROUP = "reminders";
    static final JobKey JOB = new JobKey("ReminderJob", GROUP);
    static final String SESSION = "sessionId";
    static final String OFFSET = "offsetSeconds";

    private final Scheduler scheduler;
    private final ReminderPlan plan;
    private final Clock clock;

    public ReminderTriggers(Scheduler scheduler, ReminderPlan plan, Clock clock) {
        this.scheduler = scheduler;
        this.plan = plan;
        this.clock = clock;
    }

    /**
     * Stores the reminder job. It asks for recovery: when an instance dies while a reminder runs,
     * another instance runs it again (the reminder table keeps that from texting twice).
     */
    public void install() {
        quartz(() -> {
            scheduler.addJob(JobBuilder.newJob(ReminderJob.class).withIdentity(JOB).storeDurably().requestRecovery().build(), true);
            return null;
        });
    }

    /**
     * Makes the session's triggers match its start: future reminders scheduled (or moved), and
     * triggers for times the session no longer has removed. A reminder already due keeps its
     * trigger: after downtime it is about to fire late, and the grace period decides.
     */
    public void schedule(long sessionId, Instant start) {
        Instant now = clock.instant();
        var dues = plan.dues(start);
        for (Duration offset : plan.offsets()) {
            var due = dues.stream().filter(d -> d.offset().equals(offset)).findFirst().map(ReminderPlan.Due::due);
            if (due.isPresent() && due.get().isAfter(now)) {
                put(sessionId, offset, due.get());
                continue;
            }
            TriggerKey key = key(sessionId, offset);
            quartz(() -> {
                Trigger existing = scheduler.getTrigger(key);
                if (existing != null && (due.isEmpty() || !existing.getStartTime().toInstant().equals(due.get()))) {
                    scheduler.unscheduleJob(key);
                }
                return null;
            });
        }
    }

    /** Removes every pending reminder of a session. */
    public void unschedule(long sessionId) {
        for (Duration offset : plan.offsets()) {
            quartz(() -> scheduler.unscheduleJob(key(sessionId, offset)));
        }
    }

    /** When the session's reminder for this offset will fire, if it is scheduled. */
    public java.util.Optional<Instant> scheduledAt(long sessionId, Duration offset) {
        Trigger trigger = quartz(() -> scheduler.getTrigger(key(sessionId, offset)));
        return java.util.Optional.ofNullable(trigger).map(t -> t.getNextFireTime() == null ? t.getStartTime() : t.getNextFireTime())
                .map(Date::toInstant);
    }

    /** Fires the session's reminder for this offset now, as its trigger would (operators, and tests). */
    public void fireNow(long sessionId, Duration offset) {
        var data = new org.quartz.JobDataMap();
        data.put(SESSION, Long.toString(sessionId));
        data.put(OFFSET, Long.toString(offset.toSeconds()));
        quartz(() -> {
            scheduler.triggerJob(JOB, data);
            return null;
        });
    }

    private void put(long sessionId, Duration offset, Instant due) {
        TriggerKey key = key(sessionId, offset);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(JOB)
                // Strings only: the job store keeps the data map as properties, readable in the table.
                .usingJobData(SESSION, Long.toString(sessionId))
                .usingJobData(OFFSET, Long.toString(offset.toSeconds()))
                .startAt(Date.from(due))
                // After downtime, fire at once; the job sends or skips by the grace period.
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        quartz(() -> {
            Trigger existing = scheduler.getTrigger(key);
            if (existing == null) {
                try {
                    scheduler.scheduleJob(trigger);
                } catch (ObjectAlreadyExistsException raced) {
                    // Another instance scheduled it meanwhile; make it ours, with the same time.
                    scheduler.rescheduleJob(key, trigger);
                }
            } else if (!existing.getStartTime().toInstant().equals(due)) {
                scheduler.rescheduleJob(key, trigger);
            }
            return null;
        });
    }

    static TriggerKey key(long sessionId, Duration offset) {
        return new TriggerKey("session-" + sessionId + "-" + offset.toSeconds() + "s", GROUP);
    }

    private interface QuartzCall<T> {
        T call() throws SchedulerException;
    }

    private static <T> T quartz(QuartzCall<T> call) {
        try {
            return call.call();
        } catch (SchedulerException e) {
            throw new IllegalStateException("reminder scheduling failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
