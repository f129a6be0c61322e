package dk.hotline.app;

import dk.hotline.groups.ReminderSettings;
import dk.hotline.outbox.OutboxSettings;
import dk.hotline.privacy.AuditRetention;
import dk.hotline.rota.RotaCheckSettings;
import dk.hotline.rota.RotaLimits;
import dk.hotline.routing.RoutingSettings;
import dk.hotline.sms.SmsSettings;
import dk.hotline.voice.FallbackSettings;
import dk.hotline.voice.QueueSettings;
import dk.hotline.web.AuthSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@code config/hotline.yaml} (or {@code HOTLINE_CONFIG}), applies environment overrides and
 * validates everything, so the service never starts half-configured.
 */
public final class ConfigLoader {

    private ConfigLoader() {}

    public static HotlineConfig load(Map<String, String> env) {
        Path file = Path.of(env.getOrDefault("HOTLINE_CONFIG", "config/hotline.yaml"));
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("HOTLINE_CONFIG: no config file at " + file.toAbsolutePath());
        }
        return read(Settings.load(file, env));
    }

    private static HotlineConfig read(Settings settings) {
        var r = new ConfigReader(settings);
        var mode = mode(r);
        int port = portOf(r);
        URI publicUrl = r.url(settings.describe("publicUrl"), r.text("publicUrl"))
                .orElse(URI.create("http://localhost:" + port));
        var secrets = SecretsReader.read(settings, r);
        var config = new HotlineConfig(
                mode,
                port,
                publicUrl,
                r.phone("number"),
                r.zone("zone"),
                new ReminderSettings(r.durations("reminderOffsets"), r.duration("reminderGrace")),
                r.quietHours("quietHours"),
                r.duration("followupAfter"),
                Path.of(r.text("flows").isEmpty() ? "flows" : r.text("flows")),
                Path.of(r.text("dataDir").isEmpty() ? "data" : r.text("dataDir")),
                new OutboxSettings(
                        r.positiveInt("outbox.rate"),
                        r.positiveInt("outbox.maxAttempts"),
                        r.duration("outbox.retryBase"),
                        r.duration("outbox.retryMax"),
                        r.duration("outbox.claimTimeout"),
                        r.duration("outbox.pollInterval")),
                new FallbackSettings(r.phone("fallback.number"),
                        r.enumList("fallback.order", FallbackSettings.Option.class)),
                new RoutingSettings(
                        r.enumValue("routing.strategy", RoutingSettings.Strategy.class),
                        r.positiveInt("routing.ringSeconds"),
                        r.positiveInt("routing.simultaneous"),
                        r.positiveInt("routing.maxRingSeconds"),
                        r.duration("routing.wrapUp"),
                        r.positiveInt("routing.screenSeconds")),
                new QueueSettings(
                        r.duration("queue.maxWait"),
                        r.url(settings.describe("queue.music"), r.text("queue.music")).map(Object::toString).orElse(""),
                        r.duration("queue.announceEvery")),
                new SmsSettings(
                        r.positiveInt("sms.maxPerMinute"),
                        r.duration("sms.autoReplyWindow"),
                        r.duration("sms.closeAfter")),
                r.words("discretion.revealingWords"),
                new AuthSettings(
                        r.duration("auth.tokenTtl"),
                        r.positiveInt("auth.maxFailures"),
                        r.duration("auth.lockout"),
                        r.duration("auth.sessionIdle"),
                        r.duration("auth.sessionMax"),
                        r.duration("auth.passwordLinkTtl")),
                r.positiveInt("retention.days"),
                auditRetentionDays(r),
                r.duration("reseal.every"),
                new RotaCheckSettings(r.phones("rotaCheck.notify"), r.localTime("rotaCheck.at")),
                new RotaLimits(r.positiveInt("limits.pastDays"), r.positiveInt("limits.futureDays"),
                        r.positiveInt("limits.maxShiftHours")),
                r.flag("demo", false),
                r.flag("simulator.enabled", mode != HotlineConfig.Mode.PRODUCTION),
                secrets);
        if (mode == HotlineConfig.Mode.PRODUCTION) {
            requireProductionSettings(config);
        }
        // Demo numbers are valid Danish mobile numbers: through live Twilio, a demo group's reminders
        // would reach whoever has them.
        if (config.demo() && !config.dryRun()) {
            throw new ConfigException("HOTLINE_DEMO=true: demo data runs only in dry-run, or its reminders and texts to "
                    + "made-up numbers would really be sent; unset TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN");
        }
        if (!config.dryRun() && config.hotlineNumber().isEmpty()) {
            throw new ConfigException("HOTLINE_NUMBER (number): required when Twilio credentials are set; "
                    + "it is the caller id of every text and call");
        }
        return config;
    }

    /** The audit log is the organisation's proof of who saw what: a year at least, whatever is set. */
    private static int auditRetentionDays(ConfigReader r) {
        int days = r.positiveInt("audit.retentionDays");
        if (days < AuditRetention.MINIMUM_DAYS) {
            throw r.bad("audit.retentionDays", String.valueOf(days), "must be at least " + AuditRetention.MINIMUM_DAYS
                    + " days: the audit log outlives the data it is about");
        }
        return days;
    }

    private static HotlineConfig.Mode mode(ConfigReader r) {
        return switch (r.text("env").toLowerCase()) {
            case "development", "" -> HotlineConfig.Mode.DEVELOPMENT;
            case "production" -> HotlineConfig.Mode.PRODUCTION;
            default -> throw r.bad("env", r.text("env"), "must be development or production");
        };
    }

    private static int portOf(ConfigReader r) {
        String raw = r.text("port");
        try {
            int port = Integer.parseInt(raw);
            // 0 asks for any free port (tests use it).
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw r.bad("port", raw, "must be a TCP port, 0-65535 (0 = any free port)");
    }

    private static void requireProductionSettings(HotlineConfig c) {
        // Both make up calls, texts and people; in production they would mix with real ones.
        if (c.demo()) {
            throw new ConfigException("HOTLINE_DEMO=true: demo data is never seeded in production (HOTLINE_ENV=production)");
        }
        if (c.simulator()) {
            throw new ConfigException("HOTLINE_SIMULATOR_ENABLED=true: the phone simulator never runs in production "
                    + "(HOTLINE_ENV=production)");
        }
        if (c.secrets().twilio().isEmpty()) {
            throw new ConfigException("HOTLINE_ENV=production: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are required");
        }
        if (c.secrets().encryptionKey().isEmpty()) {
            throw new ConfigException("HOTLINE_ENV=production: HOTLINE_ENCRYPTION_KEY is required");
        }
        if (!"https".equals(c.publicUrl().getScheme())) {
            throw new ConfigException("HOTLINE_ENV=production: HOTLINE_PUBLIC_URL must be an https URL, got '" + c.publicUrl() + "'");
        }
        if (c.hotlineNumber().isEmpty()) {
            throw new ConfigException("HOTLINE_ENV=production: HOTLINE_NUMBER (number) is required");
        }
        // Without it the service would keep callers' data in the embedded PostgreSQL under the data
        // folder: one machine's disk, no backups, no failover.
        if (c.secrets().databaseUrl().isEmpty()) {
            throw new ConfigException("HOTLINE_ENV=production: DATABASE_URL is required; the embedded database is for "
                    + "trying the service on one machine");
        }
    }
}
