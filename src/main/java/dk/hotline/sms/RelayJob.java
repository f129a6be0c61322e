package dk.hotline.sms;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Every minute: hand texts that waited to the leaders who came on call, close quiet conversations. */
@DisallowConcurrentExecution
public final class RelayJob implements Job {
    private final Relay relay;

    RelayJob(Relay relay) {
        this.relay = relay;
    }

    @Override
    public void execute(JobExecutionContext context) {
        relay.deliverWaitingAndCloseIdle();
    }
}
