package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.testing.Json;
import dk.hotline.testing.ServiceProcess;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestDatabases;
import dk.hotline.testing.TestService;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calendar feed from the packaged jar: ical4j's zone definitions and its settings
 * ({@code ical4j.properties}) must come along in the shaded jar, and it must need no network.
 */
class CalendarFeedJarIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theJarServesAFeedWithTheZonesDefinition(@TempDir Path dir) throws Exception {
        DatabaseUrl db = TestDatabases.create();
        int port = ServiceProcess.freePort();
        try (var service = ServiceProcess.start(dir.resolve("out.log"), Map.of(
                "DATABASE_URL", TestDatabases.asEnvironmentValue(db),
                "PORT", String.valueOf(port),
                "HOTLINE_ENCRYPTION_KEY", TestConfig.ENCRYPTION_KEY,
                "HOTLINE_ADMIN_EMAIL", TestConfig.ADMIN_EMAIL,
                "HOTLINE_ADMIN_PASSWORD", TestConfig.ADMIN_PASSWORD,
                "HOTLINE_DATA_DIR", dir.resolve("data").toString()))) {
            service.awaitHealthy(Duration.ofSeconds(60));
            String bearer = "Bearer " + Json.text(Json.parse(send(service, "POST", "/api/tokens",
                    TestService.basic(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD), null).body()), "token");
            long leader = Json.number(Json.parse(send(service, "POST", "/api/leaders", bearer,
                    "{\"name\":\"Lis\",\"phone\":\"+4520771101\"}").body()), "id");
            Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
            assertThat(send(service, "POST", "/api/shifts", bearer, "{\"leaderId\":" + leader + ",\"start\":\"" + start
                    + "\",\"end\":\"" + start.plus(Duration.ofHours(4)) + "\"}").statusCode()).isEqualTo(201);
            String link = Json.text(Json.parse(send(service, "POST", "/api/leaders/" + leader + "/ical", bearer, null).body()), "url");

            var feed = send(service, "GET", URI.create(link).getPath(), null, null);

            assertThat(feed.statusCode()).isEqualTo(200);
            var calendar = new CalendarBuilder().build(new StringReader(feed.body()));
            assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
            List<VEvent> events = calendar.getComponents(Component.VEVENT);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getDateTimeStart().getParameter(Parameter.TZID).orElseThrow().getValue())
                    .isEqualTo("Europe/Copenhagen");
            assertThat(Instant.from(events.get(0).getDateTimeStart().getDate())).isEqualTo(start);
            assertThat(service.stop(Duration.ofSeconds(30))).isTrue();
            assertThat(service.log().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")))
                    .as("no complaint but running without Twilio").allMatch(line -> line.contains("event=twilio.dry_run"));
        } finally {
            TestDatabases.drop(db);
        }
    }

    private HttpResponse<String> send(ServiceProcess service, String method, String path, String authorization, String json)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
