package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.LogCapture;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A leader's calendar feed as a calendar app meets it: fetched without signing in, parsed with
 * ical4j, listing exactly that leader's shifts at their local times in the rota's zone (across the
 * end of summer time), within eight weeks either way; links replaced or revoked answer 404, and a
 * leader's token makes and ends only its own.
 */
class CalendarFeedTest {
    /** Tuesday before the last Sunday of October 2026, when the clocks go back. */
    private static final Instant NOW = Instant.parse("2026-10-20T10:00:00Z");
    private static final String PASSWORD = "a-long-enough-password";
    private static final MutableClock clock = new MutableClock(NOW);
    private static TestService service;
    private static Coordinator coordinator;

    @BeforeAll
    static void start() {
        service = TestService.startWithClock("http://127.0.0.1:9", clock);
        coordinator = new Coordinator(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theFeedListsExactlyTheLeadersShiftsAtLocalTimesAcrossTheDstChange() throws Exception {
        long anna = coordinator.leader("Anna Holm", "+4520551101");
        long bo = coordinator.leader("Bo Lund", "+4520551102");
        // 19:00–23:00 in Copenhagen on Saturday (summer time, UTC+2) and Sunday (winter time, UTC+1).
        coordinator.shift(anna, Instant.parse("2026-10-24T17:00:00Z"), Instant.parse("2026-10-24T21:00:00Z"));
        coordinator.shift(anna, Instant.parse("2026-10-25T18:00:00Z"), Instant.parse("2026-10-25T22:00:00Z"));
        coordinator.shift(bo, Instant.parse("2026-10-24T17:00:00Z"), Instant.parse("2026-10-24T21:00:00Z"));
        Instant sevenWeeksAgo = NOW.minus(Duration.ofDays(49));
        Instant sevenWeeksAhead = NOW.plus(Duration.ofDays(49));
        Instant nineWeeksAgo = NOW.minus(Duration.ofDays(63));
        Instant nineWeeksAhead = NOW.plus(Duration.ofDays(63));
        // Past shifts are written down while they were current: the API takes none from weeks back.
        for (Instant start : List.of(nineWeeksAgo, sevenWeeksAgo)) {
            clock.set(start);
            coordinator.shift(anna, start, start.plus(Duration.ofHours(3)));
        }
        clock.set(NOW);
        coordinator.shift(anna, sevenWeeksAhead, sevenWeeksAhead.plus(Duration.ofHours(3)));
        coordinator.shift(anna, nineWeeksAhead, nineWeeksAhead.plus(Duration.ofHours(3)));
        String link = newLink(anna, service.bearer());

        var feed = service.get(URI.create(link).getPath());

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        assertThat(feed.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        calendar.validate();
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones).hasSize(1);
        assertThat(zones.get(0).getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Europe/Copenhagen");

        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).extracting(e -> instant(e.getDateTimeStart()))
                .as("Anna's shifts within eight weeks either way, not Bo's, not those further off")
                .containsExactly(sevenWeeksAgo, Instant.parse("2026-10-24T17:00:00Z"), Instant.parse("2026-10-25T18:00:00Z"),
                        sevenWeeksAhead);
        VEvent saturday = events.get(1);
        VEvent sunday = events.get(2);
        for (VEvent evening : List.of(saturday, sunday)) {
            assertThat(evening.getDateTimeStart().getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("Europe/Copenhagen");
            assertThat(evening.getDateTimeStart().getValue()).endsWith("T190000");
            assertThat(evening.getDateTimeEnd().getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("Europe/Copenhagen");
            assertThat(evening.getDateTimeEnd().getValue()).endsWith("T230000");
            assertThat(evening.getSummary().getValue()).isEqualTo("Vagt");
        }
        assertThat(saturday.getDateTimeStart().getValue()).isEqualTo("20261024T190000");
        assertThat(sunday.getDateTimeStart().getValue()).isEqualTo("20261025T190000");
        assertThat(Duration.between(instant(saturday.getDateTimeStart()), instant(sunday.getDateTimeStart())))
                .as("a day and the hour the clocks went back").isEqualTo(Duration.ofHours(25));
        assertThat(feed.body()).as("nothing that gives the leader or the service away")
                .doesNotContain("Anna", "20551101", "Tal om Vold", "DESCRIPTION", "LOCATION");

        var again = new CalendarBuilder().build(new StringReader(service.get(URI.create(link).getPath()).body()));
        assertThat(again.<VEvent>getComponents(Component.VEVENT)).extracting(e -> e.getUid().orElseThrow().getValue())
                .as("an app updates each shift in place").isEqualTo(events.stream().map(e -> e.getUid().orElseThrow().getValue()).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void aNewLinkEndsTheOldOneAndRevokingEndsIt() {
        long leader = coordinator.leader("Carl Berg", "+4520551103");
        String bearer = service.bearer();
        String first = newLink(leader, bearer);
        assertThat(fetch(first).statusCode()).isEqualTo(200);

        String second = newLink(leader, bearer);

        assertThat(second).isNotEqualTo(first);
        var old = fetch(first);
        assertThat(old.statusCode()).isEqualTo(404);
        assertThat(old.body()).as("no detail").doesNotContain("Carl", String.valueOf(leader), "revoked", "replaced");
        assertThat(fetch(second).statusCode()).isEqualTo(200);

        assertThat(service.api("DELETE", "/api/leaders/" + leader + "/ical", bearer, null).statusCode()).isEqualTo(204);
        assertThat(fetch(second).statusCode()).isEqualTo(404);
        assertThat(service.get("/ical/not-a-link.ics").statusCode()).isEqualTo(404);
        assertThat(service.api("POST", "/api/leaders/999999/ical", bearer, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeletedLeadersLinkGoesWithThem() {
        long leader = coordinator.leader("Hans Bak", "+4520551108");
        String bearer = service.bearer();
        String link = newLink(leader, bearer);

        assertThat(service.api("DELETE", "/api/leaders/" + leader, bearer, null).statusCode()).isEqualTo(204);

        assertThat(fetch(link).statusCode()).isEqualTo(404);
        int kept = service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM calendar_feeds WHERE leader_id = :id")
                .bind("id", leader).mapTo(Integer.class).one());
        assertThat(kept).as("the hash goes with the leader").isZero();
    }

    @Test
    void theDatabaseKeepsTheSecretOnlyHashedAndSealed() {
        long leader = coordinator.leader("Dorte Vest", "+4520551104");
        String link = newLink(leader, service.bearer());
        String secret = link.substring(link.lastIndexOf('/') + 1, link.length() - ".ics".length());

        var row = service.jdbi().withHandle(h -> h.createQuery("SELECT secret_hash, secret_sealed FROM calendar_feeds WHERE leader_id = :id")
                .bind("id", leader).mapToMap().one());

        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat((byte[]) row.get("secret_hash")).isEqualTo(sha256(secret));
        assertThat(new String((byte[]) row.get("secret_sealed"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("sealed, not in clear").doesNotContain(secret);
    }

    @Test
    void theLeaderShowsItsLinkAndRevokingGivesANewOne() {
        long leader = coordinator.leader("Frida Holt", "+4520551199");
        coordinator.shift(leader, Instant.parse("2026-10-22T17:00:00Z"), Instant.parse("2026-10-22T21:00:00Z"));

        String shown = Json.text(Json.parse(coordinator.get("/api/leaders/" + leader)), "icalUrl");
        assertThat(shown).startsWith(service.publicUrl() + "/ical/").endsWith(".ics");
        assertThat(fetch(shown).statusCode()).isEqualTo(200);
        assertThat(Json.text(Json.parse(coordinator.get("/api/leaders/" + leader)), "icalUrl")).as("the same link each time").isEqualTo(shown);

        var revoked = coordinator.post("/api/leaders/" + leader + "/ical/revoke", null);
        assertThat(revoked.statusCode()).isEqualTo(200);
        String renewed = Json.text(Json.parse(revoked), "icalUrl");

        assertThat(renewed).isNotEqualTo(shown).startsWith(service.publicUrl() + "/ical/");
        assertThat(fetch(shown).statusCode()).as("the old link").isEqualTo(404);
        assertThat(fetch(renewed).statusCode()).isEqualTo(200);
        assertThat(Json.text(Json.parse(coordinator.get("/api/leaders/" + leader)), "icalUrl")).isEqualTo(renewed);
    }

    @Test
    void aLeadersTokenMakesAndEndsOnlyItsOwnLink() {
        long own = coordinator.leader("Eva Dal", "+4520551105");
        long other = coordinator.leader("Finn Aa", "+4520551106");
        String othersLink = newLink(other, service.bearer());
        assertThat(service.api("POST", "/api/accounts", service.bearer(), "{\"email\":\"eva@example.org\",\"password\":\""
                + PASSWORD + "\",\"role\":\"leader\",\"leaderId\":" + own + "}").statusCode()).isEqualTo(201);
        var token = service.api("POST", "/api/tokens", TestService.basic("eva@example.org", PASSWORD), null);
        String leaderBearer = "Bearer " + Json.text(Json.parse(token), "token");

        String ownLink = newLink(own, leaderBearer);
        assertThat(fetch(ownLink).statusCode()).isEqualTo(200);
        assertThat(service.api("POST", "/api/leaders/" + other + "/ical", leaderBearer, null).statusCode()).isEqualTo(403);
        assertThat(service.api("DELETE", "/api/leaders/" + other + "/ical", leaderBearer, null).statusCode()).isEqualTo(403);
        assertThat(fetch(othersLink).statusCode()).as("the other leader's link still works").isEqualTo(200);

        assertThat(service.api("DELETE", "/api/leaders/" + own + "/ical", leaderBearer, null).statusCode()).isEqualTo(204);
        assertThat(fetch(ownLink).statusCode()).isEqualTo(404);
    }

    @Test
    void theSecretIsInNoLogLine() {
        long leader = coordinator.leader("Gitte Nør", "+4520551107");
        String link = newLink(leader, service.bearer());
        String secret = link.substring(link.lastIndexOf('/') + 1, link.length() - ".ics".length());

        try (var logs = new LogCapture()) {
            assertThat(fetch(link).statusCode()).isEqualTo(200);
            assertThat(fetch(link.replace(secret, secret + "x")).statusCode()).isEqualTo(404);

            assertThat(logs.lines()).as("the request log names the route").anyMatch(line -> line.contains("route=/ical/{secret}.ics"));
            assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
        }
    }

    private static String newLink(long leader, String bearer) {
        var made = service.api("POST", "/api/leaders/" + leader + "/ical", bearer, null);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String url = Json.text(Json.parse(made), "url");
        assertThat(url).startsWith(service.publicUrl() + "/ical/").endsWith(".ics");
        return url;
    }

    private static HttpResponse<String> fetch(String link) {
        return service.get(URI.create(link).getPath());
    }

    private static Instant instant(DateProperty<? extends Temporal> property) {
        return Instant.from(property.getDate());
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
