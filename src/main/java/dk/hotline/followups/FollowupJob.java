package dk.hotline.followups;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A follow-up's trigger fired: hands its id (all the trigger holds) to {@link Followups}. */
public final class FollowupJob implements Job {
    private final Followups followups;

    public FollowupJob(Followups followups) {
        this.followups = followups;
    }

    @Override
    public void execute(JobExecutionContext context) {
        followups.fire(Long.parseLong(context.getMergedJobDataMap().getString(Followups.ID)));
    }
}
