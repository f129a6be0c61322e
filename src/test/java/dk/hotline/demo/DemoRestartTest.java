package dk.hotline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.hotline.app.ConfigException;
import dk.hotline.app.Hotline;
import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestDatabases;
import dk.hotline.testing.TestService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starts one after another on one database, as an operator restarts the service: demo mode again
 * on a demo database, without it on a demo database, and demo mode on a database with real data.
 * One service at a time: Quartz keeps one scheduler per JVM by name, and a stopped one stops it.
 */
class DemoRestartTest {
    private static final List<String> TABLES = List.of("leaders", "shifts", "support_groups", "group_participants",
            "group_sessions", "calls", "call_offers", "callback_requests", "conversations", "conversation_messages",
            "sms_inbound", "outbox", "reminders", "session_attendance", "notes", "note_categories", "accounts", "demo_data");
    private final HttpClient http = HttpClient.newHttpClient();
    private DatabaseUrl db;
    private Jdbi jdbi;

    @BeforeEach
    void database() {
        db = TestDatabases.create();
        jdbi = Jdbi.create(() -> LocalDatabase.connect(db));
    }

    @AfterEach
    void drop() {
        TestDatabases.drop(db);
    }

    @Test
    void aSecondDemoStartSeedsNothingAndAStartWithoutDemoStillShowsTheBanner() throws Exception {
        try (var first = Hotline.start(TestConfig.load(env(true)), Clock.systemUTC())) {
            assertThat(DemoDataTest.words(login(first))).contains("Demodata: intet her er rigtigt").contains("demo@hotline.local");
        }
        var seeded = counts();
        assertThat(seeded.get("demo_data")).isEqualTo(1);
        assertThat(seeded.get("leaders")).isPositive();

        try (var again = Hotline.start(TestConfig.load(env(true)), Clock.systemUTC())) {
            assertThat(counts()).as("nothing seeded the second time").isEqualTo(seeded);
            assertThat(DemoDataTest.words(login(again))).contains("demo@hotline.local");
        }
        try (var plain = Hotline.start(TestConfig.load(env(false)), Clock.systemUTC())) {
            String page = DemoDataTest.words(login(plain));
            assertThat(page).as("demo data is still made up").contains("Demodata: intet her er rigtigt")
                    .as("the demo's passwords are shown in demo mode only").doesNotContain("demo@hotline.local");
        }
        assertThat(counts()).isEqualTo(seeded);
    }

    @Test
    void aDemoStartOnADatabaseWithALeaderAndNoMarkerStopsNamingHotlineDemo() throws Exception {
        try (var real = Hotline.start(TestConfig.load(env(false)), Clock.systemUTC())) {
            var token = http.send(HttpRequest.newBuilder(uri(real, "/api/tokens"))
                    .header("Authorization", TestService.basic(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            var leader = http.send(HttpRequest.newBuilder(uri(real, "/api/leaders"))
                    .header("Authorization", "Bearer " + Json.text(Json.parse(token.body()), "token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ida\",\"phone\":\"+4520000010\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(leader.statusCode()).isEqualTo(201);
            assertThat(DemoDataTest.words(login(real))).as("no banner on real data").doesNotContain("Demodata");
        }

        assertThatThrownBy(() -> Hotline.start(TestConfig.load(env(true)), Clock.systemUTC()).close())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HOTLINE_DEMO").hasMessageContaining("not demo data")
                .hasMessageNotContaining("4520000010");
        assertThat(counts().get("leaders")).as("nothing seeded beside the real leader").isEqualTo(1);
        assertThat(counts().get("demo_data")).isZero();
    }

    /** The test config on this database, in dry-run (demo mode needs it), with or without demo mode. */
    private Map<String, String> env(boolean demo) {
        var env = new HashMap<>(TestConfig.env(db, "http://localhost:1"));
        env.remove("TWILIO_ACCOUNT_SID");
        env.remove("TWILIO_AUTH_TOKEN");
        env.put("HOTLINE_DEMO", String.valueOf(demo));
        return env;
    }

    private String login(Hotline hotline) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(hotline, "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI uri(Hotline hotline, String path) {
        return URI.create("http://localhost:" + hotline.port() + path);
    }

    private Map<String, Long> counts() {
        var counts = new HashMap<String, Long>();
        jdbi.useHandle(h -> TABLES.forEach(t -> counts.put(t, h.createQuery("SELECT count(*) FROM " + t).mapTo(Long.class).one())));
        return counts;
    }
}
