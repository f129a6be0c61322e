package dk.hotline.app;

import java.util.Map;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.TriggerFiredBundle;

/** Gives Quartz jobs built by the composition root (with their services) instead of by reflection. */
final class JobFactory implements org.quartz.spi.JobFactory {
    private final Map<Class<? extends Job>, Supplier<? extends Job>> jobs;

    JobFactory(Map<Class<? extends Job>, Supplier<? extends Job>> jobs) {
        this.jobs = Map.copyOf(jobs);
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        var supplier = jobs.get(bundle.getJobDetail().getJobClass());
        if (supplier == null) {
            throw new SchedulerException("no factory for job " + bundle.getJobDetail().getJobClass().getName());
        }
        return supplier.get();
    }
}
