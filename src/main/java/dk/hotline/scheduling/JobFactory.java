package dk.hotline.scheduling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Gives Quartz jobs built by their features (with their services) instead of by reflection.
 * Jobs are registered while the service is wired, before the scheduler starts, because the
 * services that schedule triggers need the scheduler before their jobs exist.
 */
final class JobFactory implements org.quartz.spi.JobFactory {
    private final Map<Class<? extends Job>, Supplier<? extends Job>> jobs = new ConcurrentHashMap<>();

    <J extends Job> void register(Class<J> job, Supplier<J> factory) {
        jobs.put(job, factory);
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        var supplier = jobs.get(bundle.getJobDetail().getJobClass());
        if (supplier == null) {
            throw new SchedulerException("no factory for job " + bundle.getJobDetail().getJobClass().getName());
        }
        return supplier.get();
    }

    /**
     * Quartz logs the factory at startup; the default name ends in an identity hash, whose digits
     * the log's number masking can take for a phone number.
     */
    @Override
    public String toString() {
        return "JobFactory";
    }
}
