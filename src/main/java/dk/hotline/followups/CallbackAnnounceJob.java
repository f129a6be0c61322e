package dk.hotline.followups;

import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Every minute: requests to be called back that came in while nobody was on call reach the next shift. */
@DisallowConcurrentExecution
public final class CallbackAnnounceJob implements Job {
    private final Jdbi jdbi;
    private final CallbackRequests callbacks;

    CallbackAnnounceJob(Jdbi jdbi, CallbackRequests callbacks) {
        this.jdbi = jdbi;
        this.callbacks = callbacks;
    }

    @Override
    public void execute(JobExecutionContext context) {
        jdbi.useTransaction(callbacks::announceWaiting);
    }
}
