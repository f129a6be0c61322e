package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShiftTemplateApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(100_000);
    private static TestService service;
    private static String bearer;

    @BeforeAll
    static void start() {
        // Three weeks before the clocks go forward on 2027-03-28, so six weeks ahead spans it.
        service = TestService.start("http://127.0.0.1:9", env -> env, new MutableClock(Instant.parse("2027-03-08T09:00:00Z")));
        bearer = service.bearer();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aNewTemplateMakesItsShiftsAt17LocalOnBothSidesOfTheMarchChange() throws Exception {
        long maja = leader("Maja");

        var created = post("{\"leaderId\":" + maja + ",\"weekday\":\"SUNDAY\",\"start\":\"17:00\",\"end\":\"21:00\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode template = JSON.readTree(created.body());
        assertThat(template.get("id").asLong()).isPositive();
        assertThat(template.get("weekday").asText()).isEqualTo("SUNDAY");
        assertThat(template.get("start").asText()).isEqualTo("17:00");
        assertThat(template.get("end").asText()).isEqualTo("21:00");
        assertThat(starts(shifts("2027-03-20T00:00:00+01:00", "2027-04-05T00:00:00+02:00", maja))).containsExactly(
                "2027-03-21T17:00:00+01:00", "2027-03-28T17:00:00+02:00", "2027-04-04T17:00:00+02:00");
        var listed = JSON.readTree(service.api("GET", "/api/shift-templates", bearer, null).body());
        assertThat(listed.findValuesAsText("id")).contains(template.get("id").asText());
    }

    @Test
    void aWeekdayMayBeGivenAsItsIsoNumber() throws Exception {
        long emil = leader("Emil");

        var created = post("{\"leaderId\":" + emil + ",\"weekday\":3,\"start\":\"22:00\",\"end\":\"02:00\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("weekday").asText()).isEqualTo("WEDNESDAY");
        assertThat(JSON.readTree(created.body()).get("overnight").asBoolean()).isTrue();
        var firstNight = shifts("2027-03-10T00:00:00+01:00", "2027-03-11T00:00:00+01:00", emil).get(0);
        assertThat(firstNight.get("end").asText()).isEqualTo("2027-03-11T02:00:00+01:00");
    }

    @Test
    void deletingATemplateRemovesItsComingShifts() throws Exception {
        long ida = leader("Ida");
        long id = JSON.readTree(post("{\"leaderId\":" + ida + ",\"weekday\":\"friday\",\"start\":\"10:00\",\"end\":\"12:00\"}").body())
                .get("id").asLong();
        assertThat(shifts("2027-03-08T00:00:00+01:00", "2027-05-01T00:00:00+02:00", ida)).hasSize(6);

        assertThat(service.api("DELETE", "/api/shift-templates/" + id, bearer, null).statusCode()).isEqualTo(204);

        assertThat(shifts("2027-03-08T00:00:00+01:00", "2027-05-01T00:00:00+02:00", ida)).isEmpty();
        assertThat(service.api("DELETE", "/api/shift-templates/" + id, bearer, null).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        long lea = leader("Lea");
        assertThat(field(post("{\"weekday\":1,\"start\":\"17:00\",\"end\":\"21:00\"}"))).isEqualTo("leaderId");
        assertThat(field(post("{\"leaderId\":999999,\"weekday\":1,\"start\":\"17:00\",\"end\":\"21:00\"}"))).isEqualTo("leaderId");
        assertThat(field(post("{\"leaderId\":" + lea + ",\"weekday\":8,\"start\":\"17:00\",\"end\":\"21:00\"}"))).isEqualTo("weekday");
        assertThat(field(post("{\"leaderId\":" + lea + ",\"weekday\":\"Funday\",\"start\":\"17:00\",\"end\":\"21:00\"}"))).isEqualTo("weekday");
        assertThat(field(post("{\"leaderId\":" + lea + ",\"start\":\"17:00\",\"end\":\"21:00\"}"))).isEqualTo("weekday");
        assertThat(field(post("{\"leaderId\":" + lea + ",\"weekday\":1,\"start\":\"25:00\",\"end\":\"21:00\"}"))).isEqualTo("start");
        assertThat(field(post("{\"leaderId\":" + lea + ",\"weekday\":1,\"start\":\"17:00\",\"end\":\"5pm\"}"))).isEqualTo("end");
        assertThat(field(post("{\"leaderId\":" + lea + ",\"weekday\":1,\"start\":\"17:00\",\"end\":\"17:00\"}"))).isEqualTo("end");
        assertThat(service.api("DELETE", "/api/shift-templates/abc", bearer, null).statusCode()).isEqualTo(400);
    }

    /** A new active, available leader, created through the leader API, with a number no other leader here has. */
    private static long leader(String name) throws Exception {
        String phone = "+4520" + NEXT_NUMBER.getAndIncrement();
        var created = service.api("POST", "/api/leaders", bearer, "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static HttpResponse<String> post(String json) {
        return service.api("POST", "/api/shift-templates", bearer, json);
    }

    private static List<JsonNode> shifts(String from, String to, long leaderId) throws Exception {
        var response = service.api("GET", "/api/shifts?from=" + enc(from) + "&to=" + enc(to), bearer, null);
        assertThat(response.statusCode()).isEqualTo(200);
        var mine = new ArrayList<JsonNode>();
        JSON.readTree(response.body()).forEach(s -> {
            if (s.get("leaderId").asLong() == leaderId) {
                mine.add(s);
            }
        });
        return mine;
    }

    private static List<String> starts(List<JsonNode> shifts) {
        return shifts.stream().map(s -> s.get("start").asText()).toList();
    }

    private static String field(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return JSON.readTree(response.body()).get("field").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
