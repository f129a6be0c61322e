package dk.hotline.app;

import dk.hotline.common.QuietHours;
import dk.hotline.groups.ReminderSettings;
import dk.hotline.outbox.OutboxSettings;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.rota.RotaCheckSettings;
import dk.hotline.rota.RotaLimits;
import dk.hotline.routing.RoutingSettings;
import dk.hotline.sms.SmsSettings;
import dk.hotline.voice.FallbackSettings;
import dk.hotline.voice.QueueSettings;
import dk.hotline.web.AuthSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Every setting, validated and typed. Built by {@link ConfigLoader}; secrets are in {@link Secrets}.
 * Each feature's own settings are a record of that feature's; this one only composes them.
 */
public record HotlineConfig(
        Mode mode,
        int port,
        URI publicUrl,
        Optional<PhoneNumber> hotlineNumber,
        ZoneId zone,
        ReminderSettings reminders,
        Optional<QuietHours> quietHours,
        Duration followupAfter,
        Path flowsDir,
        Path dataDir,
        OutboxSettings outbox,
        FallbackSettings fallback,
        RoutingSettings routing,
        QueueSettings queue,
        SmsSettings sms,
        List<String> revealingWords,
        AuthSettings auth,
        int retentionDays,
        int auditRetentionDays,
        Duration resealEvery,
        RotaCheckSettings rotaCheck,
        RotaLimits limits,
        boolean demo,
        boolean simulator,
        Secrets secrets) {

    public enum Mode { DEVELOPMENT, PRODUCTION }

    /** Values that come only from the environment. {@code toString} shows which are set, never what. */
    public record Secrets(
            Optional<String> databaseUrl,
            Optional<TwilioCredentials> twilio,
            URI twilioApiBaseUrl,
            Optional<String> encryptionKey,
            Optional<String> encryptionKeyPrevious,
            Optional<String> adminEmail,
            Optional<String> adminPassword) {
        @Override
        public String toString() {
            return "Secrets[databaseUrl=" + (databaseUrl.isPresent() ? "set" : "unset")
                    + ", twilio=" + (twilio.isPresent() ? "set" : "dry-run")
                    + ", twilioApiBaseUrl=" + twilioApiBaseUrl
                    + ", encryptionKey=" + (encryptionKey.isPresent() ? "set" : "unset")
                    + ", encryptionKeyPrevious=" + (encryptionKeyPrevious.isPresent() ? "set" : "unset") + "]";
        }
    }

    public record TwilioCredentials(String accountSid, String authToken) {
        @Override
        public String toString() {
            return "TwilioCredentials[accountSid=" + accountSid.substring(0, Math.min(6, accountSid.length())) + "…]";
        }
    }

    /**
     * The phone simulator needs the dry-run gateway: with Twilio credentials the outbox would send
     * what a simulated call or text set off to real phones.
     */
    public boolean simulatorRuns() {
        return simulator && dryRun();
    }

    public boolean dryRun() {
        return secrets.twilio().isEmpty();
    }
}
