package dk.hotline.groups;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Hourly: every upcoming session has its reminder triggers (see {@link Reminders#reconcile}). */
@DisallowConcurrentExecution
public final class ReminderCheckJob implements Job {
    private final Reminders reminders;

    ReminderCheckJob(Reminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(JobExecutionContext context) {
        reminders.reconcile();
    }
}
