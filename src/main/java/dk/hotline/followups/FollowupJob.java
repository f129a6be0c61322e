package dk.hotline.followups;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Every minute, across the cluster once: the follow-up texts that are due go out. */
@DisallowConcurrentExecution
public final class FollowupJob implements Job {
    private final Followups followups;

    FollowupJob(Followups followups) {
        this.followups = followups;
    }

    @Override
    public void execute(JobExecutionContext context) {
        followups.sendDue();
    }
}
