package dk.hotline.app;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.privacy.EncryptionKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The values that come only from the environment (credentials, the database URL, the encryption
 * key, the first coordinator), checked before anything uses them. No message echoes a secret.
 */
final class SecretsReader {
    static final URI TWILIO_API = URI.create("https://api.twilio.com");
    /** bcrypt's limit on a password's length. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private SecretsReader() {}

    static HotlineConfig.Secrets read(Settings s, ConfigReader r) {
        String sid = s.env("TWILIO_ACCOUNT_SID");
        String token = s.env("TWILIO_AUTH_TOKEN");
        if (sid.isEmpty() != token.isEmpty()) {
            throw new ConfigException("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN: set both (live) or neither (dry-run); only "
                    + (sid.isEmpty() ? "TWILIO_AUTH_TOKEN" : "TWILIO_ACCOUNT_SID") + " is set");
        }
        if (!sid.isEmpty() && !sid.matches("AC[0-9a-fA-F]{32}")) {
            throw new ConfigException("TWILIO_ACCOUNT_SID: must be AC followed by 32 hex digits");
        }
        Optional<HotlineConfig.TwilioCredentials> twilio = sid.isEmpty()
                ? Optional.empty()
                : Optional.of(new HotlineConfig.TwilioCredentials(sid, token));
        String adminPassword = s.env("HOTLINE_ADMIN_PASSWORD");
        if (!adminPassword.isEmpty() && adminPassword.length() < 12) {
            throw new ConfigException("HOTLINE_ADMIN_PASSWORD: must be at least 12 characters");
        }
        if (adminPassword.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            // bcrypt reads no further; it refuses longer passwords rather than cut them.
            throw new ConfigException("HOTLINE_ADMIN_PASSWORD: must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        String databaseUrl = s.env("DATABASE_URL");
        String encryptionKey = s.env("HOTLINE_ENCRYPTION_KEY");
        checkDatabaseUrl(databaseUrl);
        String previousKey = s.env("HOTLINE_ENCRYPTION_KEY_PREVIOUS");
        checkEncryptionKey("HOTLINE_ENCRYPTION_KEY", encryptionKey);
        checkEncryptionKey("HOTLINE_ENCRYPTION_KEY_PREVIOUS", previousKey);
        if (!previousKey.isEmpty() && !encryptionKey.isEmpty()
                && EncryptionKey.fromBase64(previousKey).idHex().equals(EncryptionKey.fromBase64(encryptionKey).idHex())) {
            throw new ConfigException("HOTLINE_ENCRYPTION_KEY_PREVIOUS: is the same key as HOTLINE_ENCRYPTION_KEY; "
                    + "to rotate, set a new key as HOTLINE_ENCRYPTION_KEY and the old one here");
        }
        return new HotlineConfig.Secrets(
                optional(databaseUrl),
                twilio,
                r.url("TWILIO_API_BASE_URL", s.env("TWILIO_API_BASE_URL")).orElse(TWILIO_API),
                optional(encryptionKey),
                optional(previousKey),
                optional(s.env("HOTLINE_ADMIN_EMAIL")),
                optional(adminPassword));
    }

    /** Checked here, so a bad value stops startup (exit 2) before anything touches the database. */
    private static void checkDatabaseUrl(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        try {
            DatabaseUrl.parse(raw);
        } catch (IllegalArgumentException e) {
            // DatabaseUrl's messages say where the URL is wrong, never what it holds (a password).
            throw new ConfigException("DATABASE_URL: " + e.getMessage().replaceFirst("^DATABASE_URL: ", ""));
        }
    }

    private static void checkEncryptionKey(String variable, String raw) {
        if (raw.isEmpty()) {
            return;
        }
        try {
            EncryptionKey.fromBase64(raw);
        } catch (IllegalArgumentException e) {
            // EncryptionKey's messages never echo the key.
            throw new ConfigException(variable + ": " + e.getMessage()
                    + "; it must be standard base64 of 32 random bytes (openssl rand -base64 32)");
        }
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
