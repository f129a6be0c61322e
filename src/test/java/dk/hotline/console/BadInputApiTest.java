package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input a coordinator's script or a slip of the hand can send: refused with a 400 or 409 that
 * says which field and why, and nothing written.
 */
class BadInputApiTest {
    private static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger();
    private static TestService service;
    private static Coordinator coordinator;
    private static String bearer;

    @BeforeAll
    static void start() {
        service = TestService.start("http://127.0.0.1:9");
        coordinator = new Coordinator(service);
        bearer = service.bearer();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\ud800"})
    void aControlCharacterInANameIsRefusedNamingTheField(String escaped) {
        long before = count("leaders");

        var answer = post("/api/leaders", "{\"name\":\"Ma" + escaped + "ja\",\"phone\":\"+45209900" + (10 + PHONES.incrementAndGet()) + "\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(Json.badRequestField(answer)).isEqualTo("name");
        assertThat(count("leaders")).isEqualTo(before);
    }

    @Test
    void aNulInABlocklistReasonIsRefusedNamingTheField() {
        var answer = post("/api/blocklist", "{\"phone\":\"+4521990002\",\"reason\":\"spam\\u0000\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(Json.badRequestField(answer)).isEqualTo("reason");
        assertThat(count("sms_blocklist")).isZero();
    }

    @Test
    void aNulInAListIsRefusedNamingTheList() {
        var answer = post("/api/leaders", "{\"name\":\"Ida\",\"phone\":\"+4520990003\",\"languages\":[\"da\\u0000\"]}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(Json.badRequestField(answer)).isEqualTo("languages");
    }

    @Test
    void lineBreaksAndTabsInFreeTextAreKept() {
        var answer = post("/api/blocklist", "{\"phone\":\"+4521990004\",\"reason\":\"spam\\n\\tand threats\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    @ParameterizedTest
    @CsvSource({"-999999999-01-01T00:00:00Z,-999999999-01-02T00:00:00Z", "+999999999-12-30T00:00:00Z,+999999999-12-31T00:00:00Z",
            "0001-01-01T00:00:00Z,0001-01-02T00:00:00Z"})
    void anExtremeInstantInAQueryIsRefusedNamingTheParameter(String from, String to) {
        var answer = service.api("GET", "/api/shifts?from=" + from.replace("+", "%2B") + "&to=" + to.replace("+", "%2B"), bearer, null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(Json.badRequestField(answer)).isEqualTo("from");
    }

    @Test
    void anExtremeInstantInABodyIsRefusedNamingTheField() {
        long maja = coordinator.leader("Maja Extreme");

        var shift = post("/api/shifts", "{\"leaderId\":" + maja + ",\"start\":\"2027-03-01T10:00:00Z\",\"end\":\"+999999999-12-31T23:59:59Z\"}");
        var group = post("/api/groups", "{\"name\":\"G\",\"smsName\":\"G\",\"location\":\"Kbh\",\"leaderId\":" + maja
                + ",\"firstSession\":\"-999999999-01-01T00:00:00Z\",\"weeks\":2,\"durationMinutes\":120}");

        assertThat(shift.statusCode()).as(shift.body()).isEqualTo(400);
        assertThat(Json.badRequestField(shift)).isEqualTo("end");
        assertThat(group.statusCode()).as(group.body()).isEqualTo(400);
        assertThat(Json.badRequestField(group)).isEqualTo("firstSession");
        assertThat(count("shifts WHERE leader_id = " + maja)).isZero();
        assertThat(count("support_groups WHERE leader_id = " + maja)).isZero();
    }

    @ParameterizedTest
    @CsvSource({"-999999999-01-01,-999999999-01-02", "+999999999-12-30,+999999999-12-31", "0001-01-01,0001-01-02"})
    void anExtremeDateInAQueryIsRefusedNamingTheParameter(String from, String to) {
        var answer = service.api("GET", "/api/calls?from=" + from.replace("+", "%2B") + "&to=" + to.replace("+", "%2B"), bearer, null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(Json.badRequestField(answer)).isEqualTo("from");
    }

    @Test
    void shiftsOutsideTheConfiguredWindowOrTooLongAreRefused() {
        long emil = coordinator.leader("Emil Window");
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);

        var ancient = shift(emil, "0001-01-01T10:00:00Z", "0001-01-01T12:00:00Z");
        var farAhead = shift(emil, "9999-01-01T10:00:00Z", "9999-01-01T12:00:00Z");
        var lastYear = shift(emil, now.minus(Duration.ofDays(365)).toString(), now.minus(Duration.ofDays(365)).plus(Duration.ofHours(2)).toString());
        var tenYears = shift(emil, "2027-03-01T10:00:00Z", "2037-03-01T10:00:00Z");
        var dayAndOneHour = shift(emil, "2027-03-01T10:00:00Z", "2027-03-02T11:00:00Z");

        assertThat(ancient.statusCode()).as(ancient.body()).isEqualTo(400);
        assertThat(Json.badRequestField(ancient)).isEqualTo("start");
        assertThat(farAhead.statusCode()).as(farAhead.body()).isEqualTo(400);
        assertThat(Json.badRequestField(farAhead)).isEqualTo("start");
        assertThat(lastYear.statusCode()).as(lastYear.body()).isEqualTo(400);
        assertThat(Json.badRequestField(lastYear)).isEqualTo("start");
        assertThat(tenYears.statusCode()).as(tenYears.body()).isEqualTo(400);
        assertThat(Json.badRequestField(tenYears)).isEqualTo("end");
        assertThat(dayAndOneHour.statusCode()).as(dayAndOneHour.body()).isEqualTo(400);
        assertThat(Json.badRequestField(dayAndOneHour)).isEqualTo("end");
        assertThat(shift(emil, "2027-03-01T10:00:00Z", "2027-03-02T10:00:00Z").statusCode()).as("24 hours is allowed").isEqualTo(201);
        assertThat(count("shifts WHERE leader_id = " + emil)).isEqualTo(1);
    }

    @Test
    void movingAShiftOutsideTheWindowIsRefused() {
        long ida = coordinator.leader("Ida Move");
        long id = Json.id(shift(ida, "2027-04-01T10:00:00Z", "2027-04-01T12:00:00Z"));

        var moved = service.api("PATCH", "/api/shifts/" + id, bearer, "{\"start\":\"2027-04-01T10:00:00Z\",\"end\":\"2030-04-01T12:00:00Z\"}");

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(400);
        assertThat(Json.badRequestField(moved)).isEqualTo("end");
    }

    @Test
    void aTemplateIdenticalToOrOverlappingAnotherOfTheSameLeaderIsAConflict() {
        long sofie = coordinator.leader("Sofie Template");
        long carl = coordinator.leader("Carl Template");
        assertThat(template(sofie, 2, "17:00", "21:00").statusCode()).isEqualTo(201);
        long templates = count("shift_templates");
        long shifts = count("shifts");

        var same = template(sofie, 2, "17:00", "21:00");
        var overlapping = template(sofie, 2, "20:00", "23:00");
        var overnightBefore = template(sofie, 1, "22:00", "18:00");

        assertThat(same.statusCode()).as(same.body()).isEqualTo(409);
        assertThat(overlapping.statusCode()).as(overlapping.body()).isEqualTo(409);
        assertThat(overnightBefore.statusCode()).as(overnightBefore.body()).isEqualTo(409);
        assertThat(count("shift_templates")).isEqualTo(templates);
        assertThat(count("shifts")).isEqualTo(shifts);
        assertThat(template(sofie, 2, "21:00", "23:00").statusCode()).as("right after").isEqualTo(201);
        assertThat(template(carl, 2, "17:00", "21:00").statusCode()).as("another leader").isEqualTo(201);
    }

    @Test
    void aLeaderOnCallNowCannotBeDeletedOrDeactivated() {
        long maja = coordinator.leader("Maja Now");
        Instant now = Instant.now();
        coordinator.shift(maja, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));

        var deleted = service.api("DELETE", "/api/leaders/" + maja, bearer, null);
        var deactivated = service.api("PATCH", "/api/leaders/" + maja, bearer, "{\"active\":false}");

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(409);
        assertThat(Json.text(Json.parse(deleted), "error")).contains("on call now");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(409);
        assertThat(count("leaders WHERE id = " + maja + " AND deleted_at IS NULL AND active")).isEqualTo(1);
    }

    @Test
    void aLeaderWithFutureShiftsCanBeDeletedOnceTheyAreHandedOver() {
        long emil = coordinator.leader("Emil Future");
        coordinator.shift(emil, Instant.parse("2027-05-01T10:00:00Z"), Instant.parse("2027-05-01T12:00:00Z"));

        var refused = service.api("DELETE", "/api/leaders/" + emil, bearer, null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(Json.text(Json.parse(refused), "error")).contains("1 future shift");
        long shift = Json.number(Json.elements(service.api("GET",
                "/api/shifts?from=2027-05-01T00:00:00Z&to=2027-05-02T00:00:00Z", bearer, null).body()).stream()
                .filter(s -> Json.number(s, "leaderId") == emil).findFirst().orElseThrow(), "id");
        assertThat(service.api("DELETE", "/api/shifts/" + shift, bearer, null).statusCode()).isEqualTo(204);
        assertThat(service.api("DELETE", "/api/leaders/" + emil, bearer, null).statusCode()).isEqualTo(204);
    }

    @Test
    void aLeaderWhoLeadsAGroupCannotBeDeletedSoTheGroupKeepsItsLeader() {
        long ida = coordinator.leader("Ida Group");
        coordinator.group("Tirsdagsgruppen", "Tirsdag", ida, "2027-03-02T17:00:00+01:00", 2);

        var deleted = service.api("DELETE", "/api/leaders/" + ida, bearer, null);
        var deactivated = service.api("PATCH", "/api/leaders/" + ida, bearer, "{\"active\":false}");

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(409);
        assertThat(Json.text(Json.parse(deleted), "error")).contains("leads 1 group");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(409);
        assertThat(count("leaders WHERE id = " + ida + " AND deleted_at IS NULL AND active")).isEqualTo(1);
    }

    @Test
    void aGroupWhoseFirstSessionIsPastIsRefused() {
        long carl = coordinator.leader("Carl Past");
        String yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();

        var group = post("/api/groups", "{\"name\":\"Gammel\",\"smsName\":\"Gammel\",\"location\":\"Kbh\",\"leaderId\":" + carl
                + ",\"firstSession\":\"" + yesterday + "\",\"weeks\":2,\"durationMinutes\":120}");

        assertThat(group.statusCode()).as(group.body()).isEqualTo(400);
        assertThat(Json.badRequestField(group)).isEqualTo("firstSession");
        assertThat(count("support_groups WHERE leader_id = " + carl)).isZero();
    }

    private static HttpResponse<String> shift(long leader, String start, String end) {
        return post("/api/shifts", "{\"leaderId\":" + leader + ",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}");
    }

    private static HttpResponse<String> template(long leader, int weekday, String start, String end) {
        return post("/api/shift-templates", "{\"leaderId\":" + leader + ",\"weekday\":" + weekday + ",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\"}");
    }

    private static HttpResponse<String> post(String path, String json) {
        return service.api("POST", path, bearer, json);
    }

    private static long count(String tableAndWhere) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + tableAndWhere).mapTo(Long.class).one());
    }
}
