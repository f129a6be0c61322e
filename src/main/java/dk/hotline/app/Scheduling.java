package dk.hotline.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz on the service's own PostgreSQL: JDBC job store, clustered, triggers acquired under the
 * database lock, so reminders and other jobs survive restarts and run once across instances.
 */
final class Scheduling {
    static final String SCHEDULER_NAME = "hotline";

    private Scheduling() {}

    static Scheduler create(DataSource dataSource, JobFactory jobs) throws SchedulerException {
        // Quartz looks data sources up by name in a JVM-wide registry; a unique name per instance
        // keeps two services in one JVM (as in tests) on their own pools.
        String dataSourceName = "hotline-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PoolProvider(dataSource));
        var p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        scheduler.setJobFactory(jobs);
        return scheduler;
    }

    /** Schedules a job on a cron expression in the rota's zone, unless another instance already has. */
    static void daily(Scheduler scheduler, Class<? extends Job> job, String cron, ZoneId zone) throws SchedulerException {
        var key = new JobKey(job.getSimpleName(), "maintenance");
        var detail = JobBuilder.newJob(job).withIdentity(key).storeDurably().build();
        var trigger = TriggerBuilder.newTrigger().withIdentity(job.getSimpleName(), "maintenance").forJob(key)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        // Replacing keeps the schedule current with the config on every start; across a
        // cluster the last instance to start wins, with the same values.
        scheduler.scheduleJob(detail, java.util.Set.of(trigger), true);
    }

    /** Runs a job every {@code interval}, across the cluster once per interval. */
    static void every(Scheduler scheduler, Class<? extends Job> job, java.time.Duration interval) throws SchedulerException {
        var key = new JobKey(job.getSimpleName(), "maintenance");
        var detail = JobBuilder.newJob(job).withIdentity(key).storeDurably().build();
        var trigger = TriggerBuilder.newTrigger().withIdentity(job.getSimpleName(), "maintenance").forJob(key)
                .withSchedule(org.quartz.SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        scheduler.scheduleJob(detail, java.util.Set.of(trigger), true);
    }

    /** Fires a scheduled job once now and waits until that run has finished (see {@link RunNow}). */
    static void now(Scheduler scheduler, Class<? extends Job> job, java.time.Duration timeout) {
        RunNow.run(scheduler, new JobKey(job.getSimpleName(), "maintenance"), java.util.Map.of(), timeout);
    }

    private record PoolProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // The pool belongs to the service and is closed by it.
        }

        @Override
        public void initialize() {
            // Nothing to set up: the pool exists already.
        }
    }
}
