package dk.hotline.groups;

import java.time.Duration;
import java.time.Instant;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A reminder trigger fired: hands the ids it holds (session, offset, the start it was made for) to {@link Reminders}. */
public final class ReminderJob implements Job {
    private final Reminders reminders;

    ReminderJob(Reminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var data = context.getMergedJobDataMap();
        reminders.fire(Long.parseLong(data.getString(ReminderTriggers.SESSION)),
                Duration.ofSeconds(Long.parseLong(data.getString(ReminderTriggers.OFFSET))),
                Instant.ofEpochSecond(Long.parseLong(data.getString(ReminderTriggers.START))));
    }
}
