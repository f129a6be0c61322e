package dk.hotline.groups;

import dk.hotline.db.TableStatistics;
import dk.hotline.scheduling.RunNow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * One Quartz trigger per session start and reminder offset, in the clustered JDBC job store,
 * holding only the session id, the offset and the start it was made for. The database is the
 * truth: a trigger is a wake-up call, and {@link Reminders#fire} decides from the session as it is
 * then. A trigger for a start the session no longer has (a move raced with the hourly check, or
 * its removal was lost) finds that out and does nothing; the session's own trigger is another.
 * Triggers are written after the session's transaction commits, so {@link Reminders#reconcile}
 * puts back any that a crash in between lost. Longer than 200 lines because the hourly check's
 * batched writes sit beside the single-trigger ones they must agree with.
 */
public final class ReminderTriggers {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReminderTriggers.class);
    static final String GROUP = "reminders";
    static final JobKey JOB = new JobKey("ReminderJob", GROUP);
    static final String SESSION = "sessionId";
    static final String OFFSET = "offsetSeconds";
    static final String START = "sessionStart";
    /** Triggers per Quartz transaction when the hourly check finds thousands to write. */
    private static final int BATCH = 500;

    private final Scheduler scheduler;
    private final ReminderPlan plan;
    private final TableStatistics statistics;
    private final Clock clock;

    public ReminderTriggers(Scheduler scheduler, ReminderPlan plan, TableStatistics statistics, Clock clock) {
        this.scheduler = scheduler;
        this.plan = plan;
        this.statistics = statistics;
        this.clock = clock;
    }

    /**
     * Trigger changes run after the commit (the change stands and its texts are queued); if Quartz
     * fails here, the hourly check ({@link ReminderCheckJob}) puts the triggers right, so the
     * coordinator is not told the change failed when it did not.
     */
    static void afterCommit(String change, Runnable triggerChange) {
        try {
            triggerChange.run();
        } catch (RuntimeException e) {
            log.error("event=reminder.schedule_failed change={} error={}", change, e.getClass().getSimpleName());
        }
    }

    /**
     * Stores the reminder job. It asks for recovery: when an instance dies while a reminder runs,
     * another instance runs it again (the reminder table keeps that from texting twice).
     */
    public void install() {
        quartz(() -> {
            scheduler.addJob(job(), true);
            return null;
        });
    }

    private static JobDetail job() {
        return JobBuilder.newJob(ReminderJob.class).withIdentity(JOB).storeDurably().requestRecovery().build();
    }

    /**
     * Puts right the triggers of the upcoming sessions ({@code startsBySession}) against the
     * reminder triggers there are ({@code existingStarts}: trigger name to start, in epoch ms):
     * writes the ones missing or set for another time (a former quiet-hours setting), removes the
     * ones for an offset quiet hours now merge into another. What {@link #schedule} does for one
     * session, for all at once: one Quartz call per trigger made the hourly check with 100,000
     * pending reminders take minutes of database work.
     */
    public void reconcile(Map<Long, Instant> startsBySession, Map<String, Long> existingStarts) {
        Instant now = clock.instant();
        var put = new ArrayList<Trigger>();
        var drop = new ArrayList<TriggerKey>();
        startsBySession.forEach((sessionId, start) -> {
            var dues = plan.dues(start);
            for (Duration offset : plan.offsets()) {
                TriggerKey key = key(sessionId, offset, start);
                Long existing = existingStarts.get(key.getName());
                var due = dues.stream().filter(d -> d.offset().equals(offset)).findFirst().map(ReminderPlan.Due::due);
                if (due.isEmpty() && existing != null) {
                    drop.add(key);
                } else if (due.isPresent() && due.get().isAfter(now)
                        && (existing == null || existing != due.get().toEpochMilli())) {
                    put.add(trigger(sessionId, offset, start, due.get()));
                }
            }
        });
        write(put, drop);
    }

    /**
     * Schedules the reminders of sessions just made, which have no triggers yet: all in Quartz
     * transactions of {@value #BATCH}, not two Quartz calls each (a group of 52 weekly sessions has
     * 104 reminders; one call each held creating groups to 120 reminders a second in the benchmark).
     */
    public void scheduleNew(Map<Long, Instant> startsBySession) {
        reconcile(startsBySession, Map.of());
    }

    /**
     * Writes and removes triggers a batch per Quartz transaction (the hourly check's). A batch holds Quartz's trigger
     * lock while it is written, which keeps due triggers from being taken meanwhile: batches keep
     * that short also when a check finds thousands missing.
     */
    private void write(List<Trigger> put, List<TriggerKey> drop) {
        for (int from = 0; from < drop.size(); from += BATCH) {
            var keys = drop.subList(from, Math.min(drop.size(), from + BATCH));
            quartz(() -> scheduler.unscheduleJobs(keys));
        }
        for (int from = 0; from < put.size(); from += BATCH) {
            Set<Trigger> batch = new HashSet<>(put.subList(from, Math.min(put.size(), from + BATCH)));
            quartz(() -> {
                // The job goes with its triggers, as Quartz wants; replacing it writes the same definition,
                // and a trigger another instance wrote meanwhile gets the same values again.
                scheduler.scheduleJobs(Map.of(job(), batch), true);
                return null;
            });
        }
        // Quartz finds a trigger by its key, before it writes one and in the foreign-key check of the
        // row beside it, by the planner's picture of these tables; thousands written at once leave
        // that picture far behind (TableStatistics).
        statistics.refreshIfStale("qrtz_triggers", "qrtz_simple_triggers");
    }

    /**
     * Schedules the reminders still to come for a session starting at {@code start}. A reminder
     * already due keeps its trigger: after downtime it is about to fire late, and the grace period
     * decides. An offset that quiet hours merged into another has none.
     */
    public void schedule(long sessionId, Instant start) {
        Instant now = clock.instant();
        var dues = plan.dues(start);
        for (Duration offset : plan.offsets()) {
            var due = dues.stream().filter(d -> d.offset().equals(offset)).findFirst().map(ReminderPlan.Due::due);
            if (due.isEmpty()) {
                quartz(() -> scheduler.unscheduleJob(key(sessionId, offset, start)));
            } else if (due.get().isAfter(now)) {
                put(sessionId, offset, start, due.get());
            }
        }
    }

    /** Removes the pending reminders of a session for the start it had. */
    public void unschedule(long sessionId, Instant start) {
        for (Duration offset : plan.offsets()) {
            quartz(() -> scheduler.unscheduleJob(key(sessionId, offset, start)));
        }
    }

    /** The Quartz scheduler's name, by which its tables tell its triggers from another scheduler's. */
    String schedulerName() {
        return quartz(scheduler::getSchedulerName);
    }

    /** When the reminder for this offset before the session's {@code start} will fire, if it is scheduled. */
    public Optional<Instant> scheduledAt(long sessionId, Duration offset, Instant start) {
        Trigger trigger = quartz(() -> scheduler.getTrigger(key(sessionId, offset, start)));
        return Optional.ofNullable(trigger).map(t -> t.getNextFireTime() == null ? t.getStartTime() : t.getNextFireTime())
                .map(Date::toInstant);
    }

    /**
     * Fires the reminder now with the data its trigger holds and returns when it has run
     * (operators, and tests that must not wait).
     */
    public void fireNow(long sessionId, Duration offset, Instant start) {
        RunNow.run(scheduler, JOB, data(sessionId, offset, start), Duration.ofSeconds(30));
    }

    /** Fires the reminder now through its own trigger, unless that trigger exists (it is about to fire). */
    public void fireIfAbsent(long sessionId, Duration offset, Instant start) {
        TriggerKey key = key(sessionId, offset, start);
        quartz(() -> {
            if (scheduler.getTrigger(key) == null) {
                try {
                    scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(key).forJob(JOB)
                            .usingJobData(new JobDataMap(data(sessionId, offset, start))).startNow()
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                            .build());
                } catch (ObjectAlreadyExistsException raced) {
                    // Another instance's check wrote it first: it fires once.
                }
            }
            return null;
        });
    }

    private static Trigger trigger(long sessionId, Duration offset, Instant start, Instant due) {
        return TriggerBuilder.newTrigger().withIdentity(key(sessionId, offset, start)).forJob(JOB)
                .usingJobData(new JobDataMap(data(sessionId, offset, start)))
                .startAt(Date.from(due))
                // After downtime, fire at once; the job sends or skips by the grace period.
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    private void put(long sessionId, Duration offset, Instant start, Instant due) {
        TriggerKey key = key(sessionId, offset, start);
        Trigger trigger = trigger(sessionId, offset, start, due);
        quartz(() -> {
            Trigger existing = scheduler.getTrigger(key);
            if (existing != null && existing.getStartTime().toInstant().equals(due)) {
                return null;
            }
            // Absent, or set for another time by a former quiet-hours setting: (re)written. Another
            // instance may do the same at once; the last write wins, with the same values.
            if (existing == null || scheduler.rescheduleJob(key, trigger) == null) {
                try {
                    scheduler.scheduleJob(trigger);
                } catch (ObjectAlreadyExistsException raced) {
                    scheduler.rescheduleJob(key, trigger);
                }
            }
            return null;
        });
    }

    /** Strings only: the job store keeps the data map as properties, readable in its table. */
    private static Map<String, String> data(long sessionId, Duration offset, Instant start) {
        return Map.of(SESSION, Long.toString(sessionId), OFFSET, Long.toString(offset.toSeconds()),
                START, Long.toString(start.getEpochSecond()));
    }

    static TriggerKey key(long sessionId, Duration offset, Instant start) {
        return new TriggerKey("session-" + sessionId + "-" + start.getEpochSecond() + "-" + offset.toSeconds() + "s", GROUP);
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
