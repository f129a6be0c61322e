package dk.hotline.scheduling;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz on the service's own PostgreSQL: JDBC job store, clustered, triggers acquired under the
 * database lock, so reminders and other jobs survive restarts and run once across instances.
 * Features register their jobs here while they are built; the composition root starts it once all are.
 */
public final class Jobs implements AutoCloseable {
    static final String SCHEDULER_NAME = "hotline";
    private static final String MAINTENANCE = "maintenance";

    private final Scheduler scheduler;
    private final JobFactory factory;
    private final ZoneId zone;

    private Jobs(Scheduler scheduler, JobFactory factory, ZoneId zone) {
        this.scheduler = scheduler;
        this.factory = factory;
        this.zone = zone;
    }

    /** A scheduler not yet started; daily jobs run at their time in {@code zone}. */
    public static Jobs create(DataSource dataSource, ZoneId zone) {
        var factory = new JobFactory();
        try {
            return new Jobs(scheduler(dataSource, factory), factory, zone);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not be set up: " + e.getMessage(), e);
        }
    }

    private static Scheduler scheduler(DataSource dataSource, JobFactory factory) throws SchedulerException {
        // Quartz looks data sources up by name in a JVM-wide registry; a unique name per instance
        // keeps two services in one JVM (as in tests) on their own pools.
        String dataSourceName = "hotline-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PoolProvider(dataSource));
        var p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        // Up to one trigger per worker thread acquired in one pass under the trigger lock, rather
        // than one pass each: a support group's reminders, and many groups' at the same hour, come
        // due together. Safe only with acquireTriggersWithinLock (set below), as Quartz requires.
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "4");
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
        scheduler.setJobFactory(factory);
        return scheduler;
    }

    /**
     * Quartz will build {@code type} with {@code make} (its services, given by the feature) rather
     * than by reflection. Jobs whose triggers a feature writes itself (one per reminder) register only.
     */
    public <J extends Job> void register(Class<J> type, Supplier<J> make) {
        factory.register(type, make);
    }

    /** Runs the job every day at {@code at} on the rota zone's clock, unless another instance already has it scheduled. */
    public <J extends Job> void daily(Class<J> type, Supplier<J> make, LocalTime at) {
        register(type, make);
        String cron = "0 " + at.getMinute() + " " + at.getHour() + " * * ?";
        schedule(type, TriggerBuilder.newTrigger().withIdentity(type.getSimpleName(), MAINTENANCE).forJob(key(type))
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build());
    }

    /** Runs the job every {@code interval}, across the cluster once per interval. */
    public <J extends Job> void every(Class<J> type, Supplier<J> make, Duration interval) {
        register(type, make);
        schedule(type, TriggerBuilder.newTrigger().withIdentity(type.getSimpleName(), MAINTENANCE).forJob(key(type))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build());
    }

    /** As {@link #every}, but the first run is one interval after the start, not at once. */
    public <J extends Job> void everyAfterAWhile(Class<J> type, Supplier<J> make, Duration interval) {
        register(type, make);
        schedule(type, TriggerBuilder.newTrigger().withIdentity(type.getSimpleName(), MAINTENANCE).forJob(key(type))
                .startAt(java.util.Date.from(java.time.Instant.now().plus(interval)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build());
    }

    private void schedule(Class<? extends Job> type, Trigger trigger) {
        var detail = JobBuilder.newJob(type).withIdentity(key(type)).storeDurably().build();
        try {
            // Replacing keeps the schedule current with the config on every start; across a
            // cluster the last instance to start wins, with the same values.
            scheduler.scheduleJob(detail, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Fires a scheduled job once now and waits until that run has finished (see {@link RunNow}). */
    public void runNow(Class<? extends Job> type, Duration timeout) {
        RunNow.run(scheduler, key(type), Map.of(), timeout);
    }

    /** Stops firing triggers until the service restarts; a job under way finishes. */
    public void pause() {
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not pause Quartz: " + e.getMessage(), e);
        }
    }

    /** Quartz itself, for a feature that writes triggers of its own. */
    public Scheduler scheduler() {
        return scheduler;
    }

    public void start() throws SchedulerException {
        scheduler.start();
    }

    /** Stops taking triggers and waits for running jobs to finish. */
    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(true);
    }

    private static JobKey key(Class<? extends Job> type) {
        return new JobKey(type.getSimpleName(), MAINTENANCE);
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
