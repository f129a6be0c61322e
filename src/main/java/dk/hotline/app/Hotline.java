package dk.hotline.app;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dk.hotline.console.LeaderApi;
import dk.hotline.db.Database;
import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import dk.hotline.flows.Discretion;
import dk.hotline.flows.FlowLoader;
import dk.hotline.flows.Flows;
import dk.hotline.outbox.Outbox;
import dk.hotline.outbox.OutboxDispatcher;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.privacy.Retention;
import dk.hotline.privacy.RetentionJob;
import dk.hotline.rota.Leaders;
import dk.hotline.console.BlocklistApi;
import dk.hotline.console.DryRunApi;
import dk.hotline.console.GroupApi;
import dk.hotline.groups.Attendance;
import dk.hotline.console.GroupInterestApi;
import dk.hotline.groups.GroupInvitations;
import dk.hotline.groups.Groups;
import dk.hotline.groups.ReminderCheckJob;
import dk.hotline.groups.ReminderJob;
import dk.hotline.groups.ReminderPlan;
import dk.hotline.groups.ReminderTriggers;
import dk.hotline.groups.Reminders;
import dk.hotline.console.VoicemailApi;
import dk.hotline.twilio.TwilioRecordings;
import dk.hotline.voice.Voicemails;
import dk.hotline.outbox.Suppressions;
import dk.hotline.sms.Blocklist;
import dk.hotline.groups.GroupInterest;
import dk.hotline.sms.Relay;
import dk.hotline.sms.RelayJob;
import dk.hotline.sms.SmsKeywords;
import dk.hotline.sms.SmsRoutes;
import dk.hotline.twilio.DryRunTwilioGateway;
import dk.hotline.twilio.SdkTwilioGateway;
import dk.hotline.twilio.TwilioGateway;
import dk.hotline.twilio.TwilioSignature;
import dk.hotline.console.CallApi;
import dk.hotline.console.MessageApi;
import dk.hotline.console.StatsApi;
import dk.hotline.outbox.OutboundTexts;
import dk.hotline.sms.InboundTexts;
import dk.hotline.voice.CallStats;
import dk.hotline.console.CallbackApi;
import dk.hotline.followups.CallbackAnnounceJob;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.followups.FollowupJob;
import dk.hotline.followups.Followups;
import dk.hotline.console.FollowupApi;
import dk.hotline.console.ShiftApi;
import dk.hotline.console.ShiftTemplateApi;
import dk.hotline.rota.Rota;
import dk.hotline.rota.RotaCheck;
import dk.hotline.rota.RotaCheckJob;
import dk.hotline.rota.RotaExtendJob;
import dk.hotline.rota.RotaTemplates;
import dk.hotline.rota.Shifts;
import dk.hotline.routing.Router;
import dk.hotline.voice.CallRecords;
import dk.hotline.voice.CallbackCalls;
import dk.hotline.voice.VoiceRoutes;
import dk.hotline.web.BearerAuth;
import dk.hotline.web.Coordinators;
import dk.hotline.web.HealthHandler;
import dk.hotline.web.Routes;
import dk.hotline.web.TokenHandler;
import dk.hotline.web.TwilioSignatureFilter;
import dk.hotline.web.WebApp;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: config → database → Jdbi → Twilio gateway → services → web, all by
 * constructor. {@link #start} builds and starts; {@link #close} stops in reverse order.
 */
public final class Hotline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Hotline.class);
    /** The sender shown in dry-run records when no HOTLINE_NUMBER is set; never sent anywhere. */
    private static final String DRY_RUN_SENDER = "+4500000000";

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Javalin web;
    private Scheduler scheduler;
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

        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        var gc = new JvmGcMetrics();
        gc.bindTo(metrics);
        toClose.add(gc);

        DatabaseUrl url = databaseUrl(config);
        HikariDataSource pool = Database.pool(url, 10);
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        toClose.add(pool);
        Database.migrate(pool);
        var jobs = new JobFactory();
        Scheduler scheduler = Scheduling.create(pool, jobs);
        this.scheduler = scheduler;
        toClose.add(() -> scheduler.shutdown(true));
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());

        EncryptionKey key = config.secrets().encryptionKey()
                .map(EncryptionKey::fromBase64)
                .orElseGet(() -> EncryptionKey.loadOrCreate(config.dataDir().resolve("encryption.key")));
        var cipher = new PersonalDataCipher(key);
        var index = new BlindIndex(key);
        var audit = new AuditLog(clock);

        TwilioGateway gateway = gateway(config);
        var dryRunApi = new DryRunApi(gateway instanceof DryRunTwilioGateway dryRun ? Optional.of(dryRun) : Optional.empty());
        var outbox = new Outbox(cipher, index, clock);
        PhoneNumber sender = config.hotlineNumber().orElseGet(() -> PhoneNumber.parse(DRY_RUN_SENDER));
        var dispatcher = new OutboxDispatcher(jdbi, gateway, cipher, sender, config.publicUrl(), config.outbox(), clock, metrics);
        toClose.add(dispatcher);

        var coordinators = new Coordinators(jdbi, config.auth(), clock);
        coordinators.bootstrap(config.secrets().adminEmail(), config.secrets().adminPassword());
        var leaders = new Leaders(jdbi, cipher, index, clock);

        var recordings = config.secrets().twilio()
                .map(t -> TwilioRecordings.live(t.accountSid(), t.authToken(), config.secrets().twilioApiBaseUrl()))
                .orElseGet(TwilioRecordings::dryRun);
        var retention = new Retention(jdbi, config.retentionDays(), recordings::delete, clock);

        var rota = new Rota(jdbi);
        var shifts = new Shifts(jdbi, clock);
        var templates = new RotaTemplates(jdbi, config.zone(), clock);
        // Catch up at once after downtime; the daily job keeps the rota six weeks ahead.
        templates.extendAhead();
        var router = new Router(rota, leaders, config.routing(), clock);
        var callbacks = new CallbackRequests(cipher, index, outbox, rota, leaders, flows.texts(), clock);
        var callbackCalls = new CallbackCalls(jdbi, callbacks, leaders, outbox, clock);
        var suppressions = new Suppressions(index, clock);
        var followups = new Followups(jdbi, outbox, suppressions, cipher, index, flows.texts(), config.followupAfter(),
                config.quietHours(), config.zone(), clock);
        var groupInterest = new GroupInterest(cipher, index, clock);
        var voice = new VoiceRoutes(config, flows, jdbi, cipher, index, rota, router, outbox, callbacks, followups, groupInterest,
                clock);
        var blocklist = new Blocklist(cipher, index, clock);
        var reminderPlan = new ReminderPlan(config.reminderOffsets(), config.quietHours(), config.zone());
        var reminderTriggers = new ReminderTriggers(scheduler, reminderPlan, clock);
        var reminders = new Reminders(jdbi, reminderPlan, reminderTriggers, outbox, suppressions, cipher, flows.texts(),
                config.zone(), config.reminderGrace(), clock);
        var attendance = new Attendance(leaders, outbox, index, flows.texts(), config.zone(), clock);
        var relay = new Relay(jdbi, outbox, cipher, index, leaders, rota, flows.texts(), config.sms().autoReplyWindow(),
                config.sms().closeAfter(), config.zone(), clock);

        var sms = new SmsRoutes(config, jdbi, index, keywords, suppressions, blocklist, groupInterest, attendance, followups, callbacks, callbackCalls,
                relay, leaders, rota, outbox, flows.texts(), clock);
        var blocklistApi = new BlocklistApi(jdbi, blocklist, audit);
        var leaderApi = new LeaderApi(jdbi, leaders, audit);
        var callbackApi = new CallbackApi(jdbi, callbacks, callbackCalls, audit);
        var callApi = new CallApi(new CallRecords(jdbi, cipher, leaders));
        var inboundTexts = new InboundTexts(jdbi, cipher);
        var outboundTexts = new OutboundTexts(jdbi, cipher);
        var messageApi = new MessageApi(inboundTexts, outboundTexts, config.zone());
        var statsApi = new StatsApi(new CallStats(jdbi), inboundTexts, outboundTexts, reminders, config.zone());
        var groupApi = new GroupApi(new Groups(jdbi, leaders, outbox, cipher, index, flows.texts(), config.revealingWords(),
                config.zone(), reminderTriggers, clock), config.zone());
        var groupInterestApi = new GroupInterestApi(jdbi, groupInterest, new GroupInvitations(jdbi, groupInterest, outbox,
                suppressions, flows.texts(), config.zone(), clock), audit, config.zone());
        var rotaCheck = new RotaCheck(jdbi, rota, outbox, flows.texts(), config.rotaCheck().recipients(), config.zone(), clock);
        var voicemailApi = new VoicemailApi(jdbi, new Voicemails(leaders, rota, outbox, flows.texts(), clock), recordings, audit);
        jobs.register(RetentionJob.class, () -> new RetentionJob(retention));
        jobs.register(RotaExtendJob.class, () -> new RotaExtendJob(templates));
        jobs.register(RotaCheckJob.class, () -> new RotaCheckJob(rotaCheck));
        jobs.register(RelayJob.class, () -> new RelayJob(relay));
        jobs.register(CallbackAnnounceJob.class, () -> new CallbackAnnounceJob(jdbi, callbacks));
        this.reminders = reminders;
        jobs.register(ReminderJob.class, () -> new ReminderJob(reminders));
        jobs.register(ReminderCheckJob.class, () -> new ReminderCheckJob(reminders));
        jobs.register(FollowupJob.class, () -> new FollowupJob(followups));
        reminderTriggers.install();
        Scheduling.daily(scheduler, RetentionJob.class, "0 30 3 * * ?", config.zone());
        Scheduling.daily(scheduler, RotaExtendJob.class, "0 15 3 * * ?", config.zone());
        var checkAt = config.rotaCheck().at();
        Scheduling.daily(scheduler, RotaCheckJob.class, "0 " + checkAt.getMinute() + " " + checkAt.getHour() + " * * ?", config.zone());
        Scheduling.every(scheduler, RelayJob.class, Duration.ofMinutes(1));
        Scheduling.every(scheduler, CallbackAnnounceJob.class, Duration.ofMinutes(1));
        Scheduling.every(scheduler, FollowupJob.class, Duration.ofMinutes(1));
        // Also runs at every start: it puts back reminder triggers a crash kept from being written.
        Scheduling.every(scheduler, ReminderCheckJob.class, Duration.ofHours(1));
        var followupApi = new FollowupApi(followups, config.zone());
        var shiftApi = new ShiftApi(shifts, rota, config.zone());
        var templateApi = new ShiftTemplateApi(templates);

        var routes = new Routes(
                config.secrets().twilio().map(t -> new TwilioSignatureFilter(new TwilioSignature(t.authToken()), config.publicUrl())),
                r -> {
                    voice.register(r);
                    sms.register(r);
                },
                new HealthHandler(pool),
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()),
                new TokenHandler(coordinators),
                new BearerAuth(coordinators),
                r -> {
                    leaderApi.register(r);
                    shiftApi.register(r);
                    templateApi.register(r);
                    callbackApi.register(r);
                    callApi.register(r);
                    messageApi.register(r);
                    statsApi.register(r);
                    voicemailApi.register(r);
                    groupApi.register(r);
                    followupApi.register(r);
                    groupInterestApi.register(r);
                    dryRunApi.register(r);
                    blocklistApi.register(r);
                });
        web = WebApp.create(routes, metrics);
        web.start(config.port());
        toClose.add(web::stop);

        scheduler.start();
        dispatcher.start();
        log.info("event=started port={} env={} twilio={} public_url={} zone={}", port(), config.mode(),
                config.dryRun() ? "dry-run" : "live", config.publicUrl(), config.zone());
    }

    private DatabaseUrl databaseUrl(HotlineConfig config) {
        Optional<String> configured = config.secrets().databaseUrl();
        if (configured.isPresent()) {
            return DatabaseUrl.parse(configured.get());
        }
        var local = LocalDatabase.start(config.dataDir());
        toClose.add(local);
        return local.url();
    }

    private TwilioGateway gateway(HotlineConfig config) {
        if (config.dryRun()) {
            log.warn("event=twilio.dry_run note=\"no Twilio credentials: texts and calls are recorded, not sent\"");
            return new DryRunTwilioGateway();
        }
        var creds = config.secrets().twilio().orElseThrow();
        var sdk = new SdkTwilioGateway(creds.accountSid(), creds.authToken(), config.secrets().twilioApiBaseUrl());
        toClose.add(sdk);
        return sdk;
    }

    /**
     * Fires a scheduled job once now, through Quartz, and returns when it has run (operators, and
     * tests that must not wait for its time).
     */
    public void runJob(Class<? extends org.quartz.Job> job) {
        Scheduling.now(scheduler, job, Duration.ofSeconds(30));
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
