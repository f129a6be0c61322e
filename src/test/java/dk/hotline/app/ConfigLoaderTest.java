package dk.hotline.app;

import dk.hotline.common.QuietHours;

import dk.hotline.rota.RotaCheckSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
    private static final String SID = "AC0123456789abcdef0123456789abcdef";

    @Test
    void defaultsFromTheProjectConfigMatchTheContract() {
        var config = ConfigLoader.load(Map.of());

        assertThat(config.mode()).isEqualTo(HotlineConfig.Mode.DEVELOPMENT);
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.publicUrl()).hasToString("http://localhost:8080");
        assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Copenhagen"));
        assertThat(config.reminders().offsets()).containsExactly(Duration.ofHours(24), Duration.ofHours(2));
        assertThat(config.quietHours()).contains(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
        assertThat(config.followupAfter()).isEqualTo(Duration.ofDays(2));
        assertThat(config.outbox().rate()).isEqualTo(10);
        assertThat(config.dryRun()).isTrue();
        assertThat(config.flowsDir()).isEqualTo(Path.of("flows"));
        assertThat(config.auditRetentionDays()).isEqualTo(1825);
    }

    @Test
    void theAuditLogIsKeptAYearAtLeast() {
        assertThat(ConfigLoader.load(Map.of("HOTLINE_AUDIT_RETENTION_DAYS", "365")).auditRetentionDays()).isEqualTo(365);
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_AUDIT_RETENTION_DAYS", "364")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("audit.retentionDays")
                .hasMessageContaining("HOTLINE_AUDIT_RETENTION_DAYS").hasMessageContaining("at least 365");
    }

    @Test
    void environmentOverridesEveryKeyByItsUpperSnakeName() {
        var config = ConfigLoader.load(Map.of(
                "PORT", "9090",
                "HOTLINE_OUTBOX_RATE", "3",
                "HOTLINE_OUTBOX_MAX_ATTEMPTS", "4",
                "HOTLINE_ZONE", "Europe/Oslo",
                "HOTLINE_REMINDER_OFFSETS", "PT48H, PT1H",
                "HOTLINE_QUIET_HOURS", "",
                "HOTLINE_FLOWS", "other-flows",
                "HOTLINE_FALLBACK_NUMBER", "33 12 34 56"));

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.publicUrl()).hasToString("http://localhost:9090");
        assertThat(config.outbox().rate()).isEqualTo(3);
        assertThat(config.outbox().maxAttempts()).isEqualTo(4);
        assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThat(config.reminders().offsets()).containsExactly(Duration.ofHours(48), Duration.ofHours(1));
        assertThat(config.quietHours()).isEmpty();
        assertThat(config.flowsDir()).isEqualTo(Path.of("other-flows"));
        assertThat(config.fallback().number()).hasValueSatisfying(n -> assertThat(n.e164()).isEqualTo("+4533123456"));
    }

    @Test
    void badValuesNameTheKeyItsVariableAndTheValue() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_OUTBOX_RATE", "fast")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("outbox.rate").hasMessageContaining("HOTLINE_OUTBOX_RATE").hasMessageContaining("'fast'");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_ZONE", "Mars/Olympus")))
                .hasMessageContaining("HOTLINE_ZONE").hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_REMINDER_OFFSETS", "24h")))
                .hasMessageContaining("HOTLINE_REMINDER_OFFSETS");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_QUIET_HOURS", "21-08")))
                .hasMessageContaining("HOTLINE_QUIET_HOURS");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("PORT", "70000"))).hasMessageContaining("PORT");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_ENV", "staging"))).hasMessageContaining("HOTLINE_ENV");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_PUBLIC_URL", "hotline.example.org")))
                .hasMessageContaining("HOTLINE_PUBLIC_URL");
    }

    @Test
    void aBadPhoneNumberIsNamedButNotEchoed() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_FALLBACK_NUMBER", "12")))
                .hasMessageContaining("HOTLINE_FALLBACK_NUMBER")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("'12'"));
    }

    @Test
    void rotaCheckNumbersAreReadEachOnceAndABadOneIsNamedByPlaceNotEchoed() {
        assertThat(ConfigLoader.load(Map.of()).rotaCheck())
                .isEqualTo(new RotaCheckSettings(List.of(), LocalTime.of(9, 0)));
        var config = ConfigLoader.load(Map.of("HOTLINE_ROTA_CHECK_NOTIFY", "20 12 34 56, +4531234567",
                "HOTLINE_ROTA_CHECK_AT", "07:30"));
        assertThat(config.rotaCheck().recipients()).extracting(n -> n.e164()).containsExactly("+4520123456", "+4531234567");
        assertThat(config.rotaCheck().at()).isEqualTo(LocalTime.of(7, 30));

        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_ROTA_CHECK_NOTIFY", "+4520123456,12345")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rotaCheck.notify").hasMessageContaining("HOTLINE_ROTA_CHECK_NOTIFY")
                .hasMessageContaining("number 2 of 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("12345").doesNotContain("20123456"));
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_ROTA_CHECK_NOTIFY", "+4520123456,20 12 34 56")))
                .hasMessageContaining("HOTLINE_ROTA_CHECK_NOTIFY").hasMessageContaining("twice")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("20123456").doesNotContain("20 12 34 56"));
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_ROTA_CHECK_AT", "9am")))
                .hasMessageContaining("rotaCheck.at").hasMessageContaining("HOTLINE_ROTA_CHECK_AT");
    }

    @Test
    void productionRefusesToStartWithoutItsSecretsAndHttps() {
        var env = new HashMap<>(Map.of("HOTLINE_ENV", "production"));
        assertThatThrownBy(() -> ConfigLoader.load(env)).hasMessageContaining("TWILIO_ACCOUNT_SID");

        env.putAll(Map.of("TWILIO_ACCOUNT_SID", SID, "TWILIO_AUTH_TOKEN", "secret-token-value"));
        assertThatThrownBy(() -> ConfigLoader.load(env)).hasMessageContaining("HOTLINE_ENCRYPTION_KEY");

        env.put("HOTLINE_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        env.put("HOTLINE_PUBLIC_URL", "http://hotline.example.org");
        assertThatThrownBy(() -> ConfigLoader.load(env)).hasMessageContaining("https");

        env.put("HOTLINE_PUBLIC_URL", "https://hotline.example.org/");
        env.put("HOTLINE_NUMBER", "+4570000001");
        // The embedded database is for trying the service on one machine, not for callers' data.
        assertThatThrownBy(() -> ConfigLoader.load(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("DATABASE_URL");

        env.put("DATABASE_URL", "postgres://hotline:db-password@db.example.org:5432/hotline");
        var config = ConfigLoader.load(env);
        assertThat(config.mode()).isEqualTo(HotlineConfig.Mode.PRODUCTION);
        assertThat(config.publicUrl()).hasToString("https://hotline.example.org");
        assertThat(config.dryRun()).isFalse();
        assertThat(config.simulator()).as("the simulator is off by default in production").isFalse();
        assertThat(config.demo()).isFalse();

        env.put("HOTLINE_SIMULATOR_ENABLED", "true");
        assertThatThrownBy(() -> ConfigLoader.load(env)).hasMessageContaining("HOTLINE_SIMULATOR_ENABLED");
        env.put("HOTLINE_SIMULATOR_ENABLED", "false");
        env.put("HOTLINE_DEMO", "true");
        assertThatThrownBy(() -> ConfigLoader.load(env)).hasMessageContaining("HOTLINE_DEMO");
    }

    @Test
    void theSimulatorIsOnOutsideProductionAndRunsOnlyInDryRun() {
        var dryRun = ConfigLoader.load(Map.of());
        assertThat(dryRun.simulatorRuns()).isTrue();
        assertThat(ConfigLoader.load(Map.of("HOTLINE_SIMULATOR_ENABLED", "false")).simulatorRuns()).isFalse();
        var live = ConfigLoader.load(Map.of("TWILIO_ACCOUNT_SID", SID, "TWILIO_AUTH_TOKEN", "secret-token-value",
                "HOTLINE_NUMBER", "+4570000001"));
        assertThat(live.simulator()).isTrue();
        assertThat(live.simulatorRuns()).as("with credentials the outbox would really send").isFalse();
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_DEMO", "true", "TWILIO_ACCOUNT_SID", SID,
                "TWILIO_AUTH_TOKEN", "secret-token-value", "HOTLINE_NUMBER", "+4570000001")))
                .as("demo reminders would go to made-up numbers through a real Twilio").hasMessageContaining("HOTLINE_DEMO");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_DEMO", "ja")))
                .hasMessageContaining("HOTLINE_DEMO").hasMessageContaining("true or false");
    }

    @Test
    void dashDashDemoIsHotlineDemo() {
        assertThat(Main.environment(new String[] {"--demo"})).containsEntry("HOTLINE_DEMO", "true");
        assertThatThrownBy(() -> Main.environment(new String[] {"--demon"})).hasMessageContaining("--demo");
    }

    @Test
    void secretsNeverAppearInMessagesOrToString() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("TWILIO_AUTH_TOKEN", "super-secret-token")))
                .hasMessageContaining("TWILIO_ACCOUNT_SID")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("super-secret-token"));
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_ADMIN_PASSWORD", "short")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short'"));

        String key = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
        var config = ConfigLoader.load(Map.of("TWILIO_ACCOUNT_SID", SID, "TWILIO_AUTH_TOKEN", "super-secret-token",
                "HOTLINE_NUMBER", "+4570000001", "HOTLINE_ENCRYPTION_KEY", key, "DATABASE_URL",
                "postgres://u:db-password@h:5432/d"));
        assertThat(config.toString()).doesNotContain("super-secret-token", key, "db-password");
    }

    @Test
    void liveTwilioNeedsTheHotlineNumberAndBothCredentials() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("TWILIO_ACCOUNT_SID", SID, "TWILIO_AUTH_TOKEN", "t")))
                .hasMessageContaining("HOTLINE_NUMBER");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("TWILIO_ACCOUNT_SID", SID)))
                .hasMessageContaining("TWILIO_AUTH_TOKEN");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("TWILIO_ACCOUNT_SID", "not-a-sid", "TWILIO_AUTH_TOKEN", "t")))
                .hasMessageContaining("TWILIO_ACCOUNT_SID");
    }

    @Test
    void secretsWrittenIntoTheYamlAreRefused(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("hotline.yaml");
        Files.writeString(yaml, Files.readString(Path.of("config/hotline.yaml")) + "\ntwilio:\n  authToken: abc\n");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_CONFIG", yaml.toString())))
                .hasMessageContaining("twilio.authToken").hasMessageContaining("environment");
    }

    @Test
    void missingConfigFileSaysWhereItLooked() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_CONFIG", "/nonexistent/hotline.yaml")))
                .hasMessageContaining("HOTLINE_CONFIG").hasMessageContaining("/nonexistent/hotline.yaml");
    }

    @Test
    void envNamesFollowTheKeyPath() {
        assertThat(List.of("outbox.rate", "publicUrl", "fallback.number", "auth.maxFailures", "port", "flows"))
                .map(Settings::envName)
                .containsExactly("HOTLINE_OUTBOX_RATE", "HOTLINE_PUBLIC_URL", "HOTLINE_FALLBACK_NUMBER",
                        "HOTLINE_AUTH_MAX_FAILURES", "PORT", "HOTLINE_FLOWS");
    }

    /** Not base64; too short (10 bytes); too long (36 bytes). */
    @ParameterizedTest
    @ValueSource(strings = {"not base64 at all!", "c2VjcmV0LWtleQ==", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYwMTIz"})
    void aBadEncryptionKeyIsNamedAtLoadButNeverEchoed(String key) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_ENCRYPTION_KEY", key)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HOTLINE_ENCRYPTION_KEY")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
    }

    @Test
    void aKeyOf32BytesLoads() {
        assertThat(ConfigLoader.load(Map.of("HOTLINE_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="))
                .secrets().encryptionKey()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 at all!", "c2VjcmV0LWtleQ=="})
    void aBadPreviousKeyIsNamedAtLoadButNeverEchoed(String key) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "HOTLINE_ENCRYPTION_KEY_PREVIOUS", key)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HOTLINE_ENCRYPTION_KEY_PREVIOUS")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
    }

    @Test
    void aPreviousKeyLoadsUnlessItIsTheCurrentOne() {
        String key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
        String previous = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";

        var secrets = ConfigLoader.load(Map.of("HOTLINE_ENCRYPTION_KEY", key, "HOTLINE_ENCRYPTION_KEY_PREVIOUS", previous)).secrets();
        assertThat(secrets.encryptionKeyPrevious()).contains(previous);
        assertThat(secrets.toString()).contains("encryptionKeyPrevious=set").doesNotContain(previous);
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_ENCRYPTION_KEY", key, "HOTLINE_ENCRYPTION_KEY_PREVIOUS", key)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("same key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
    }

    /** Not PostgreSQL; no host; a space in the database name. */
    @ParameterizedTest
    @ValueSource(strings = {"mysql://u:hunter2-secret@h/db", "postgres://u:hunter2-secret@/db", "postgres://u:hunter2-secret@h:5432/d b"})
    void aBadDatabaseUrlIsNamedAtLoadWithoutItsPassword(String url) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE_URL", url)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DATABASE_URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2-secret"));
    }

    @Test
    void anAdminPasswordLongerThanBcryptReadsIsRefusedWithoutEchoingIt() {
        String password = "ø".repeat(37); // 37 characters, 74 bytes in UTF-8
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOTLINE_ADMIN_PASSWORD", password)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HOTLINE_ADMIN_PASSWORD").hasMessageContaining("72")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password));
        assertThat(ConfigLoader.load(Map.of("HOTLINE_ADMIN_PASSWORD", "ø".repeat(36))).secrets().adminPassword()).isPresent();
    }

    @Test
    void aBadPortSaysThatZeroMeansAnyFreePort() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("PORT", "-1")))
                .hasMessageContaining("PORT").hasMessageContaining("0-65535 (0 = any free port)");
        assertThat(ConfigLoader.load(Map.of("PORT", "0")).port()).isZero();
    }
}
