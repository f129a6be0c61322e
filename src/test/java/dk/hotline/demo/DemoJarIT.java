package dk.hotline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.testing.Json;
import dk.hotline.testing.PageSession;
import dk.hotline.testing.ServiceProcess;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestDatabases;
import dk.hotline.testing.TestService;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar hotline.jar --demo} on a new database, as someone trying the service starts it:
 * how long until they are signed in and see a Today page and stats with something in them.
 */
class DemoJarIT {
    private static final Pattern COORDINATOR_PASSWORD =
            Pattern.compile("demo@hotline\\.local</code>.*?<code>([^<]+)</code>", Pattern.DOTALL);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theJarWithDemoSeedsANewDatabaseAndTheCoordinatorSeesTodayAndStats(@TempDir Path dir) throws Exception {
        DatabaseUrl db = TestDatabases.create();
        int port = ServiceProcess.freePort();
        long started = System.nanoTime();
        try (var service = ServiceProcess.start(ServiceProcess.logFile("demo-jar"), Map.of(
                "DATABASE_URL", TestDatabases.asEnvironmentValue(db),
                "PORT", String.valueOf(port),
                "HOTLINE_ENCRYPTION_KEY", TestConfig.ENCRYPTION_KEY,
                "HOTLINE_DATA_DIR", dir.resolve("data").toString()), List.of("--demo"))) {
            service.awaitHealthy(Duration.ofSeconds(120));

            String login = get(service.baseUrl() + "/login");
            var password = COORDINATOR_PASSWORD.matcher(login);
            assertThat(password.find()).as("the sign-in page names the demo coordinator").isTrue();
            var session = PageSession.signIn(service.baseUrl(), "demo@hotline.local", password.group(1));
            String today = DemoDataTest.words(session.get("/").body());
            assertThat(today).contains("Demodata: intet her er rigtigt");
            assertThat(session.get("/").body()).contains("id=\"callbacks\"").contains("<li");

            var token = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/tokens"))
                    .header("Authorization", TestService.basic("demo@hotline.local", password.group(1)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            Instant now = Instant.now();
            var stats = Json.parse(http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/stats?from="
                            + enc(now.minus(Duration.ofDays(30))) + "&to=" + enc(now)))
                    .header("Authorization", "Bearer " + Json.text(Json.parse(token.body()), "token")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(Json.number(Json.field(stats, "calls"), "offered")).isPositive();
            assertThat(Json.number(Json.field(stats, "texts"), "in")).isPositive();
            assertThat(Json.number(stats, "remindersSent")).isPositive();
            assertThat(DemoDataTest.words(session.get("/stats").body())).contains("Demodata");
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "demo jar: %.1f s from process start to signed in with Today and stats shown%n", seconds);

            assertThat(service.stop(Duration.ofSeconds(30))).isTrue();
            String out = service.log();
            assertThat(out).contains("event=demo.seeded").contains("event=demo.sign_in").doesNotContain(" ERROR ")
                    .doesNotContain("+45200000").doesNotContain("20 00 00").doesNotContain("•••");
        } finally {
            TestDatabases.drop(db);
        }
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String enc(Instant at) {
        return URLEncoder.encode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(ZoneId.of("Europe/Copenhagen"))),
                StandardCharsets.UTF_8);
    }
}
