package dk.hotline.app;

import com.zaxxer.hikari.HikariDataSource;
import dk.hotline.console.ConsoleModule;
import dk.hotline.db.Database;
import dk.hotline.demo.DemoData;
import dk.hotline.flows.Discretion;
import dk.hotline.flows.FlowLoader;
import dk.hotline.flows.Flows;
import dk.hotline.followups.FollowupsModule;
import dk.hotline.groups.GroupsModule;
import dk.hotline.groups.Reminders;
import dk.hotline.notes.NotesModule;
import dk.hotline.outbox.OutboxModule;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.KeyCheck;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.privacy.Retention;
import dk.hotline.privacy.RetentionJob;
import dk.hotline.privacy.RetentionRule;
import dk.hotline.rota.RotaModule;
import dk.hotline.routing.RoutingModule;
import dk.hotline.scheduling.Jobs;
import dk.hotline.sms.SmsKeywords;
import dk.hotline.sms.SmsModule;
import dk.hotline.twilio.DryRunTwilioGateway;
import dk.hotline.twilio.TwilioRecordings;
import dk.hotline.twilio.Webhook;
import dk.hotline.twilio.WebhookHandler;
import dk.hotline.voice.VoiceModule;
import dk.hotline.web.AccountsModule;
import dk.hotline.web.Pages;
import dk.hotline.web.Routes;
import dk.hotline.web.WebApp;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.quartz.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: config → database → Jdbi → the features, each built by its module from
 * what it is given → web. {@link #start} builds and starts; {@link #close} stops in reverse order.
 */
public final class Hotline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Hotline.class);
    /** The sender shown in dry-run records when no HOTLINE_NUMBER is set; never sent anywhere. */
    private static final String DRY_RUN_SENDER = "+4500000000";
    private static final LocalTime RETENTION_AT = LocalTime.of(3, 30);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Infrastructure infrastructure = new Infrastructure(toClose);
    private WebApp web;
    private Jobs jobs;
    private Reminders reminders;

    private Hotline() {}

    public static Hotline start(HotlineConfig config, Clock clock) {
        var hotline = new Hotline();
        try {
            hotline.build(config, clock);
            return hotline;
        } catch (RuntimeException e) {
            hotline.close();
            throw e;
        } catch (Exception e) {
            hotline.close();
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void build(HotlineConfig config, Clock clock) throws Exception {
        Flows flows = FlowLoader.load(config.flowsDir());
        Discretion.check(flows.texts(), config.revealingWords());
        var keywords = SmsKeywords.load(config.flowsDir());
        PrometheusMeterRegistry metrics = infrastructure.metrics();
        HikariDataSource pool = infrastructure.database(config.secrets().databaseUrl(), config.dataDir(), metrics);
        Database.migrate(pool);
        jobs = Jobs.create(pool, config.zone());
        toClose.add(jobs);
        Jdbi jdbi = Database.jdbi(pool);
        var sealing = KeyStartup.start(config, jdbi, jobs, metrics, clock);
        var gateway = infrastructure.gateway(config);
        var recordings = infrastructure.recordings(config);
        var zone = config.zone();

        var outbox = OutboxModule.create(jdbi, sealing, gateway, sender(config), config.publicUrl(), config.outbox(), metrics, clock);
        toClose.add(outbox.dispatcher());
        var accounts = AccountsModule.create(jdbi, config.auth(), config.secrets().adminEmail(), config.secrets().adminPassword(), clock);
        var rota = RotaModule.create(jdbi, sealing, flows.texts(), outbox.outbox(), config.rotaCheck(), config.limits(), zone, jobs, clock);
        var routing = RoutingModule.create(rota, config.routing(), clock);
        var followups = FollowupsModule.create(jdbi, sealing, flows.texts(), outbox, rota, routing, config.followupAfter(),
                config.quietHours(), zone, jobs, clock);
        var groups = GroupsModule.create(jdbi, sealing, flows.texts(), outbox, rota, config.reminders(), config.quietHours(),
                config.revealingWords(), zone, jobs, clock);
        var sms = SmsModule.create(jdbi, sealing, keywords, flows.texts(), outbox, rota, followups, groups, config.sms(),
                config.dataDir().resolve("sms-spool"), zone, jobs, clock);
        var voice = VoiceModule.create(jdbi, sealing, flows, outbox, rota, routing, followups, groups, config.hotlineNumber(),
                config.fallback(), config.queue(), zone, clock);
        var notes = NotesModule.create(jdbi, sealing, voice, sms, zone, clock);
        // Seeded (in demo mode) once every module exists, before anything can be asked of the web.
        var demo = DemoStartup.run(config, new DemoData(jdbi, sealing, zone, clock), new DemoData.Services(accounts.accounts(),
                rota, groups.groups(), notes.categories(), config.reminders().offsets()));
        var simulator = SimulatorStartup.start(config, gateway, rota, jdbi, () -> web.port(), sender(config), toClose, clock);
        var pages = new Pages(config.publicUrl(), simulator.menu(), demo);
        var retention = new Retention(jdbi, config.retentionDays(), config.auditRetentionDays(), retentionRules(recordings), clock);
        jobs.daily(RetentionJob.class, () -> new RetentionJob(retention), RETENTION_AT);
        var audit = new AuditLog(clock);
        var subjects = SubjectParts.subjects(jdbi, sealing, recordings, outbox, voice, sms, audit, clock);
        var console = ConsoleModule.create(jdbi, audit, retention, pages, accounts, config.publicUrl(), rota, outbox, voice, sms,
                groups, followups, notes, subjects, gateway instanceof DryRunTwilioGateway dryRun ? Optional.of(dryRun) : Optional.empty(),
                recordings, zone, clock);

        reminders = groups.reminders();

        web = WebApp.create(new Routes(simulator.signature(infrastructure.twilioSignature(config)), config.publicUrl(),
                webhooks(voice.webhooks(), sms.webhooks()), pool, accounts, pages, console.api(),
                simulator.withPage(console.pages(), pages)), metrics);
        web.start(config.port());
        toClose.add(web);

        jobs.start();
        outbox.dispatcher().start();
        toClose.add(sms.spoolReplayer());
        sms.spoolReplayer().start();
        log.info("event=started port={} env={} twilio={} public_url={} zone={}", port(), config.mode(),
                config.dryRun() ? "dry-run" : "live", config.publicUrl(), zone);
    }

    /** The hotline's number, or in dry-run without one, a made-up sender that is never sent anywhere. */
    private static PhoneNumber sender(HotlineConfig config) {
        return config.hotlineNumber().orElseGet(() -> PhoneNumber.parse(DRY_RUN_SENDER));
    }

    /** What each feature erases once it is past retention, and what it keeps on purpose. */
    public static List<RetentionRule> retentionRules(TwilioRecordings recordings) {
        return Stream.of(OutboxModule.RETENTION, AccountsModule.RETENTION, RotaModule.RETENTION, FollowupsModule.RETENTION,
                GroupsModule.RETENTION, SmsModule.RETENTION, VoiceModule.retention(recordings), NotesModule.RETENTION,
                DemoData.RETENTION, List.of(KeyCheck.RETENTION))
                .flatMap(List::stream).toList();
    }

    /** The features' webhooks in one table; a webhook two features claim is a wiring mistake. */
    @SafeVarargs
    private static Map<Webhook, WebhookHandler> webhooks(Map<Webhook, WebhookHandler>... features) {
        var all = new EnumMap<Webhook, WebhookHandler>(Webhook.class);
        for (var feature : features) {
            feature.forEach((webhook, handler) -> {
                if (all.put(webhook, handler) != null) {
                    throw new IllegalStateException(webhook + " has two handlers");
                }
            });
        }
        return all;
    }

    /** Fires a scheduled job once now, through Quartz; returns when it has run (operators, tests). */
    public void runJob(Class<? extends Job> job) {
        jobs.runNow(job, Duration.ofSeconds(30));
    }

    /** Stops the scheduled jobs until restart (tests that compare the database before and after a request). */
    public void pauseJobs() {
        jobs.pause();
    }

    /** Session reminders, to look at and fire their triggers (operators, and tests that must not wait for a reminder's time). */
    public Reminders reminders() {
        return reminders;
    }

    /** The port the web server listens on (the real one when the config asked for 0). */
    public int port() {
        return web.port();
    }

    /** Closes in reverse order of building: requests first, then the workers, then the database. */
    @Override
    public void close() {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                log.warn("event=shutdown_error component={} error={}", i, e.getClass().getSimpleName());
            }
        }
        toClose.clear();
    }
}
