package dk.hotline.privacy;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's call into {@link Reseal}; one run at a time across the cluster. */
@DisallowConcurrentExecution
public final class ResealJob implements Job {
    private final Reseal reseal;

    public ResealJob(Reseal reseal) {
        this.reseal = reseal;
    }

    @Override
    public void execute(JobExecutionContext context) {
        reseal.run();
    }
}
