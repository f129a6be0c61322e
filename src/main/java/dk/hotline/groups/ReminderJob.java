package dk.hotline.groups;

import java.time.Duration;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A reminder trigger fired: hands the session id and offset (all the trigger holds) to {@link Reminders}. */
public final class ReminderJob implements Job {
    private final Reminders reminders;

    public ReminderJob(Reminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var data = context.getMergedJobDataMap();
        reminders.fire(Long.parseLong(data.getString(ReminderTriggers.SESSION)),
                Duration.ofSeconds(Long.parseLong(data.getString(ReminderTriggers.OFFSET))));
    }
}
