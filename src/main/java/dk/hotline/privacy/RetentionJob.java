package dk.hotline.privacy;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's daily call into {@link Retention}. */
@DisallowConcurrentExecution
public final class RetentionJob implements Job {
    private final Retention retention;

    public RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Override
    public void execute(JobExecutionContext context) {
        retention.purge();
    }
}
