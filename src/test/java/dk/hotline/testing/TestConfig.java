package dk.hotline.testing;

import dk.hotline.app.ConfigLoader;
import dk.hotline.app.HotlineConfig;
import dk.hotline.db.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Config for a service under test: the project's own YAML, with test overrides as environment. */
public final class TestConfig {
    public static final String ACCOUNT_SID = "AC" + "0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-auth-token-12345";
    public static final String HOTLINE_NUMBER = "+4570000001";
    public static final String ADMIN_EMAIL = "koordinator@example.org";
    public static final String ADMIN_PASSWORD = "a-long-test-password";
    public static final String ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private TestConfig() {}

    /** A live-mode environment (signatures checked) talking to Twilio at {@code twilioBase}. */
    public static Map<String, String> env(DatabaseUrl db, String twilioBase) {
        var env = new HashMap<String, String>();
        env.put("DATABASE_URL", TestDatabases.asEnvironmentValue(db));
        env.put("PORT", "0");
        env.put("HOTLINE_PUBLIC_URL", "https://hotline.example.org");
        env.put("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        env.put("TWILIO_API_BASE_URL", twilioBase);
        env.put("HOTLINE_NUMBER", HOTLINE_NUMBER);
        env.put("HOTLINE_ENCRYPTION_KEY", ENCRYPTION_KEY);
        env.put("HOTLINE_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("HOTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("HOTLINE_OUTBOX_POLL_INTERVAL", "PT0.05S");
        env.put("HOTLINE_OUTBOX_RETRY_BASE", "PT0.1S");
        // Each service its own data folder: services of test classes running side by side must
        // not replay each other's spooled texts.
        env.put("HOTLINE_DATA_DIR", dataDir().toString());
        return env;
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory("hotline-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HotlineConfig load(Map<String, String> env) {
        return ConfigLoader.load(env);
    }
}
