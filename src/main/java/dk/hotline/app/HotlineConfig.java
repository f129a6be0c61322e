package dk.hotline.app;

import dk.hotline.privacy.PhoneNumber;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Every setting, validated and typed. Built by {@link ConfigLoader}; secrets are in {@link Secrets}. */
public record HotlineConfig(
        Mode mode,
        int port,
        URI publicUrl,
        Optional<PhoneNumber> hotlineNumber,
        ZoneId zone,
        List<Duration> reminderOffsets,
        Duration reminderGrace,
        Optional<QuietHours> quietHours,
        Duration followupAfter,
        Path flowsDir,
        Path dataDir,
        Outbox outbox,
        Optional<PhoneNumber> fallbackNumber,
        List<FallbackOption> fallbackOrder,
        Routing routing,
        Queue queue,
        Sms sms,
        List<String> revealingWords,
        Auth auth,
        int retentionDays,
        RotaCheck rotaCheck,
        Secrets secrets) {

    public enum Mode { DEVELOPMENT, PRODUCTION }

    public record Outbox(int rate, int maxAttempts, Duration retryBase, Duration retryMax,
                         Duration claimTimeout, Duration pollInterval) {}

    public record Auth(Duration tokenTtl, int maxFailures, Duration lockout) {}

    public record Sms(int maxPerMinute, Duration autoReplyWindow, Duration closeAfter) {}

    /**
     * {@code rotaCheck.notify}: who is texted about hours nobody is on call in the coming week
     * (empty: nobody); {@code rotaCheck.at}: when each day, local time.
     */
    public record RotaCheck(List<PhoneNumber> recipients, LocalTime at) {}

    public enum Strategy { SEQUENTIAL, SIMULTANEOUS }

    public record Routing(Strategy strategy, int ringSeconds, int simultaneous, int maxRingSeconds, Duration wrapUp,
                          int screenSeconds) {}

    /** {@code music} is empty for silence between announcements. */
    public record Queue(Duration maxWait, String music, Duration announceEvery) {}

    /** What the fallback chain offers, in the configured order. */
    public enum FallbackOption { BACKUP, CALLBACK, CLOSED }

    /** Values that come only from the environment. {@code toString} shows which are set, never what. */
    public record Secrets(
            Optional<String> databaseUrl,
            Optional<TwilioCredentials> twilio,
            URI twilioApiBaseUrl,
            Optional<String> encryptionKey,
            Optional<String> adminEmail,
            Optional<String> adminPassword) {
        @Override
        public String toString() {
            return "Secrets[databaseUrl=" + (databaseUrl.isPresent() ? "set" : "unset")
                    + ", twilio=" + (twilio.isPresent() ? "set" : "dry-run")
                    + ", twilioApiBaseUrl=" + twilioApiBaseUrl
                    + ", encryptionKey=" + (encryptionKey.isPresent() ? "set" : "unset") + "]";
        }
    }

    public record TwilioCredentials(String accountSid, String authToken) {
        @Override
        public String toString() {
            return "TwilioCredentials[accountSid=" + accountSid.substring(0, Math.min(6, accountSid.length())) + "…]";
        }
    }

    public boolean dryRun() {
        return secrets.twilio().isEmpty();
    }
}
