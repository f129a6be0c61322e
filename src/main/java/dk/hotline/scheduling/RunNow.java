package dk.hotline.scheduling;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;

/**
 * Fires a stored job once now, through Quartz, and waits until that run has finished on this
 * instance (operators, and tests that must not wait for a schedule). The run is told apart from
 * scheduled ones by a mark in its data, so another run ending meanwhile does not count.
 */
public final class RunNow {
    private static final String MARK = "runNow";

    private RunNow() {}

    public static void run(Scheduler scheduler, JobKey job, Map<String, String> data, Duration timeout) {
        String mark = UUID.randomUUID().toString();
        var done = new CountDownLatch(1);
        var listener = new JobListenerSupport() {
            @Override
            public String getName() {
                return "run-now-" + mark;
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                if (mark.equals(context.getMergedJobDataMap().get(MARK))) {
                    done.countDown();
                }
            }
        };
        var runData = new JobDataMap(data);
        runData.put(MARK, mark);
        try {
            scheduler.getListenerManager().addJobListener(listener, KeyMatcher.keyEquals(job));
            try {
                scheduler.triggerJob(job, runData);
                if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(job.getName() + " did not finish within " + timeout);
                }
            } finally {
                scheduler.getListenerManager().removeJobListener(listener.getName());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not run " + job.getName() + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + job.getName() + " ran", e);
        }
    }
}
