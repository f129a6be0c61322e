package dk.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.testing.ServiceProcess;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestDatabases;
import dk.hotline.twilio.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged jar, started as an operator starts it: a separate JVM configured by environment. */
class JarProcessIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void jarStartsOnDatabaseUrlAnswersAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        DatabaseUrl db = TestDatabases.create();
        int port = ServiceProcess.freePort();
        try (var service = ServiceProcess.start(dir.resolve("out.log"), Map.of(
                "DATABASE_URL", TestDatabases.asEnvironmentValue(db),
                "PORT", String.valueOf(port),
                "HOTLINE_ENCRYPTION_KEY", TestConfig.ENCRYPTION_KEY,
                // Without the simulator, dry-run checks no signature: the README's curl example.
                "HOTLINE_SIMULATOR_ENABLED", "false",
                "HOTLINE_DATA_DIR", dir.resolve("data").toString()))) {
            service.awaitHealthy(Duration.ofSeconds(60));
            var call = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + Webhook.VOICE.path()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("CallSid=CA00000000000000000000000000000abc&From=%2B4520123456"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(call.statusCode()).isEqualTo(200);
            assertThat(call.body()).contains("<Say");
            assertThat(service.log()).contains("twilio=dry-run");

            assertThat(service.stop(Duration.ofSeconds(30))).as("exits within 30 s of SIGTERM").isTrue();

            String out = service.log();
            assertThat(out).contains("event=stopping").doesNotContain(" ERROR ");
            // The call was logged, and without the caller's number. The log is written through the
            // masking layout, so a number that reached a log line would show as "•••" rather than
            // in clear: no "•••" at all proves that no line needed masking in the first place.
            assertThat(out).contains("event=call.arrived")
                    .doesNotContain("+4520123456").doesNotContain("20123456").doesNotContain("•••");
        } finally {
            TestDatabases.drop(db);
        }
    }

    @Test
    void badSettingStopsStartupWithExitCode2NamingTheKey(@TempDir Path dir) {
        try (var service = ServiceProcess.start(dir.resolve("out.log"),
                Map.of("HOTLINE_OUTBOX_RATE", "fast", "DATABASE_URL", "postgres://u:p@127.0.0.1:1/none"))) {
            assertThat(service.awaitExit(Duration.ofSeconds(30))).isTrue();
            assertThat(service.process().exitValue()).isEqualTo(2);
            assertThat(service.log()).contains("HOTLINE_OUTBOX_RATE").contains("'fast'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HOTLINE_SIMULATOR_ENABLED", "HOTLINE_DEMO"})
    void productionWithTheSimulatorOrDemoDataStopsNamingTheSetting(String setting, @TempDir Path dir) {
        var env = new java.util.HashMap<>(Map.of("HOTLINE_ENV", "production",
                "TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32), "TWILIO_AUTH_TOKEN", "production-token",
                "HOTLINE_ENCRYPTION_KEY", TestConfig.ENCRYPTION_KEY, "HOTLINE_PUBLIC_URL", "https://hotline.example.org",
                "HOTLINE_NUMBER", "+4570000001", "DATABASE_URL", "postgres://u:p@127.0.0.1:1/none"));
        env.put(setting, "true");
        try (var service = ServiceProcess.start(dir.resolve("out.log"), env)) {
            assertThat(service.awaitExit(Duration.ofSeconds(30))).isTrue();
            assertThat(service.process().exitValue()).isEqualTo(2);
            assertThat(service.log()).contains(setting + "=true").contains("production");
        }
    }

    @Test
    void badEncryptionKeyStopsStartupWithExitCode2BeforeTouchingTheDatabase(@TempDir Path dir) {
        // Nothing listens on port 1: had startup reached the database, it would exit 1 on that instead.
        try (var service = ServiceProcess.start(dir.resolve("out.log"), Map.of("HOTLINE_ENCRYPTION_KEY", "c2VjcmV0LWtleQ==",
                "DATABASE_URL", "postgres://u:p@127.0.0.1:1/none"))) {
            assertThat(service.awaitExit(Duration.ofSeconds(30))).isTrue();
            assertThat(service.process().exitValue()).isEqualTo(2);
            assertThat(service.log()).contains("HOTLINE_ENCRYPTION_KEY").doesNotContain("c2VjcmV0LWtleQ==");
        }
    }

    @Test
    void aKeyThatDoesNotOpenTheStoredDataStopsStartupWithExitCode2NamingIt(@TempDir Path dir) throws Exception {
        DatabaseUrl db = TestDatabases.create();
        String otherKey = "Q0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0M=";
        var env = new java.util.HashMap<>(Map.of("DATABASE_URL", TestDatabases.asEnvironmentValue(db),
                "PORT", String.valueOf(ServiceProcess.freePort()), "HOTLINE_ENCRYPTION_KEY", TestConfig.ENCRYPTION_KEY,
                "HOTLINE_SIMULATOR_ENABLED", "false", "HOTLINE_DATA_DIR", dir.resolve("data").toString()));
        try {
            try (var service = ServiceProcess.start(dir.resolve("first.log"), env)) {
                service.awaitHealthy(Duration.ofSeconds(60));
                assertThat(service.stop(Duration.ofSeconds(30))).isTrue();
            }
            env.put("HOTLINE_ENCRYPTION_KEY", otherKey);
            try (var service = ServiceProcess.start(dir.resolve("second.log"), env)) {
                assertThat(service.awaitExit(Duration.ofSeconds(60))).isTrue();
                assertThat(service.process().exitValue()).isEqualTo(2);
                assertThat(service.log()).contains("HOTLINE_ENCRYPTION_KEY").contains("does not open the data in this database")
                        .contains("HOTLINE_ENCRYPTION_KEY_PREVIOUS")
                        .doesNotContain(otherKey).doesNotContain(TestConfig.ENCRYPTION_KEY);
            }
        } finally {
            TestDatabases.drop(db);
        }
    }
}
