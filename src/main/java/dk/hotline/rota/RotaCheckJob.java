package dk.hotline.rota;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's daily call into {@link RotaCheck}: coordinators hear about uncovered hours in the coming week. */
@DisallowConcurrentExecution
public final class RotaCheckJob implements Job {
    private final RotaCheck check;

    RotaCheckJob(RotaCheck check) {
        this.check = check;
    }

    @Override
    public void execute(JobExecutionContext context) {
        check.run();
    }
}
