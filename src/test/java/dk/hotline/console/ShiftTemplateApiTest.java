package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShiftTemplateApiTest {
    private static TestService service;
    private static Coordinator coordinator;
    private static String bearer;
    /** A leader for the input that is refused: no template of hers is ever stored. */
    private static long lea;

    @BeforeAll
    static void start() {
        // Three weeks before the clocks go forward on 2027-03-28, so six weeks ahead spans it.
        service = TestService.start("http://127.0.0.1:9", env -> env, new MutableClock(Instant.parse("2027-03-08T09:00:00Z")));
        coordinator = new Coordinator(service);
        bearer = service.bearer();
        lea = coordinator.leader("Lea");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aNewTemplateMakesItsShiftsAt17LocalOnBothSidesOfTheMarchChange() {
        long maja = coordinator.leader("Maja");

        var created = post("{\"leaderId\":" + maja + ",\"weekday\":\"SUNDAY\",\"start\":\"17:00\",\"end\":\"21:00\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode template = Json.parse(created);
        long id = Json.number(template, "id");
        assertThat(id).isPositive();
        assertThat(Json.text(template, "weekday")).isEqualTo("SUNDAY");
        assertThat(Json.text(template, "start")).isEqualTo("17:00");
        assertThat(Json.text(template, "end")).isEqualTo("21:00");
        assertThat(starts(shifts("2027-03-20T00:00:00+01:00", "2027-04-05T00:00:00+02:00", maja))).containsExactly(
                "2027-03-21T17:00:00+01:00", "2027-03-28T17:00:00+02:00", "2027-04-04T17:00:00+02:00");
        var listed = Json.parse(service.api("GET", "/api/shift-templates", bearer, null));
        assertThat(Json.ids(listed)).contains(id);
    }

    @Test
    void aWeekdayMayBeGivenAsItsIsoNumber() {
        long emil = coordinator.leader("Emil");

        var created = post("{\"leaderId\":" + emil + ",\"weekday\":3,\"start\":\"22:00\",\"end\":\"02:00\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Json.text(Json.parse(created), "weekday")).isEqualTo("WEDNESDAY");
        assertThat(Json.bool(Json.parse(created), "overnight")).isTrue();
        var firstNight = shifts("2027-03-10T00:00:00+01:00", "2027-03-11T00:00:00+01:00", emil).get(0);
        assertThat(Json.text(firstNight, "end")).isEqualTo("2027-03-11T02:00:00+01:00");
    }

    @Test
    void deletingATemplateRemovesItsComingShifts() {
        long ida = coordinator.leader("Ida");
        long id = Json.id(post("{\"leaderId\":" + ida + ",\"weekday\":\"friday\",\"start\":\"10:00\",\"end\":\"12:00\"}"));
        assertThat(shifts("2027-03-08T00:00:00+01:00", "2027-05-01T00:00:00+02:00", ida)).hasSize(6);

        assertThat(service.api("DELETE", "/api/shift-templates/" + id, bearer, null).statusCode()).isEqualTo(204);

        assertThat(shifts("2027-03-08T00:00:00+01:00", "2027-05-01T00:00:00+02:00", ida)).isEmpty();
        assertThat(service.api("DELETE", "/api/shift-templates/" + id, bearer, null).statusCode()).isEqualTo(404);
    }

    /** {@code LEA} stands for the id of a leader who exists. */
    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"weekday":1,"start":"17:00","end":"21:00"}                         | leaderId
            {"leaderId":999999,"weekday":1,"start":"17:00","end":"21:00"}       | leaderId
            {"leaderId":LEA,"weekday":8,"start":"17:00","end":"21:00"}          | weekday
            {"leaderId":LEA,"weekday":"Funday","start":"17:00","end":"21:00"}   | weekday
            {"leaderId":LEA,"start":"17:00","end":"21:00"}                      | weekday
            {"leaderId":LEA,"weekday":1,"start":"25:00","end":"21:00"}          | start
            {"leaderId":LEA,"weekday":1,"start":"17:00","end":"5pm"}            | end
            {"leaderId":LEA,"weekday":1,"start":"17:00","end":"17:00"}          | end
            """)
    void badInputIsA400NamingTheField(String json, String field) {
        assertThat(Json.badRequestField(post(json.replace("LEA", String.valueOf(lea))))).isEqualTo(field);
    }

    @Test
    void aTemplateIdThatIsNoNumberIsA400() {
        assertThat(service.api("DELETE", "/api/shift-templates/abc", bearer, null).statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> post(String json) {
        return service.api("POST", "/api/shift-templates", bearer, json);
    }

    private static List<JsonNode> shifts(String from, String to, long leaderId) {
        var response = service.api("GET", "/api/shifts?from=" + enc(from) + "&to=" + enc(to), bearer, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.where(Json.parse(response), s -> Json.number(s, "leaderId") == leaderId);
    }

    private static List<String> starts(List<JsonNode> shifts) {
        return shifts.stream().map(s -> Json.text(s, "start")).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
