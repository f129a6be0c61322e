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

class ShiftApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(100_000);
    private static TestService service;
    private static String bearer;

    @BeforeAll
    static void start() {
        service = TestService.start("http://127.0.0.1:9", env -> env, new MutableClock(Instant.parse("2027-03-01T09:00:00Z")));
        bearer = service.bearer();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aCreatedShiftComesBackWithItsIdAndTheZonesOffset() throws Exception {
        long maja = leader("Maja");

        var created = post(maja, "2027-03-27T16:00:00Z", "2027-03-27T20:00:00Z");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode shift = JSON.readTree(created.body());
        assertThat(shift.get("id").asLong()).isPositive();
        assertThat(shift.get("leaderId").asLong()).isEqualTo(maja);
        assertThat(shift.get("leaderName").asText()).isEqualTo("Maja");
        assertThat(shift.get("start").asText()).isEqualTo("2027-03-27T17:00:00+01:00");
        assertThat(shift.get("end").asText()).isEqualTo("2027-03-27T21:00:00+01:00");
    }

    @Test
    void theListHoldsShiftsOverlappingTheWindowByStart() throws Exception {
        long emil = leader("Emil");
        long ida = leader("Ida");
        post(ida, "2027-04-05T20:00:00+02:00", "2027-04-06T08:00:00+02:00");
        post(emil, "2027-04-06T12:00:00+02:00", "2027-04-06T16:00:00+02:00");
        post(ida, "2027-04-06T09:00:00+02:00", "2027-04-06T13:00:00+02:00");
        post(emil, "2027-04-07T09:00:00+02:00", "2027-04-07T13:00:00+02:00");

        // The "+" of the offset as a client might send it, unencoded (it arrives as a space).
        var list = service.api("GET", "/api/shifts?from=2027-04-06T00:00:00+02:00&to=" + enc("2027-04-07T00:00:00+02:00"), bearer, null);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(starts(JSON.readTree(list.body()))).containsExactly(
                "2027-04-05T20:00:00+02:00", "2027-04-06T09:00:00+02:00", "2027-04-06T12:00:00+02:00");
    }

    @Test
    void anOverlappingShiftForTheSameLeaderIs409OnStart() throws Exception {
        long sofie = leader("Sofie");
        assertThat(post(sofie, "2027-04-12T17:00:00+02:00", "2027-04-12T21:00:00+02:00").statusCode()).isEqualTo(201);

        var clash = post(sofie, "2027-04-12T20:00:00+02:00", "2027-04-12T22:00:00+02:00");

        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(clash.body()).get("field").asText()).isEqualTo("start");
    }

    @Test
    void aDeletedShiftIsGoneAndASecondDeleteIs404() throws Exception {
        long noah = leader("Noah");
        long id = JSON.readTree(post(noah, "2027-04-19T17:00:00+02:00", "2027-04-19T21:00:00+02:00").body()).get("id").asLong();

        assertThat(service.api("DELETE", "/api/shifts/" + id, bearer, null).statusCode()).isEqualTo(204);

        assertThat(service.api("DELETE", "/api/shifts/" + id, bearer, null).statusCode()).isEqualTo(404);
        assertThat(service.api("DELETE", "/api/shifts/abc", bearer, null).statusCode()).isEqualTo(400);
        var list = service.api("GET", "/api/shifts?from=" + enc("2027-04-19T00:00:00+02:00") + "&to=" + enc("2027-04-20T00:00:00+02:00"), bearer, null);
        assertThat(JSON.readTree(list.body())).isEmpty();
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        long lea = leader("Lea");
        assertThat(field(postJson("{\"start\":\"2027-05-01T10:00:00Z\",\"end\":\"2027-05-01T12:00:00Z\"}"))).isEqualTo("leaderId");
        assertThat(field(post(999_999, "2027-05-01T10:00:00Z", "2027-05-01T12:00:00Z"))).isEqualTo("leaderId");
        assertThat(field(postJson("{\"leaderId\":\"Lea\",\"start\":\"2027-05-01T10:00:00Z\",\"end\":\"2027-05-01T12:00:00Z\"}")))
                .isEqualTo("leaderId");
        assertThat(field(post(lea, "tomorrow", "2027-05-01T12:00:00Z"))).isEqualTo("start");
        assertThat(field(post(lea, "2027-05-01T10:00:00", "2027-05-01T12:00:00Z"))).isEqualTo("start");
        assertThat(field(post(lea, "2027-05-01T10:00:00Z", "2027-05-01T09:00:00Z"))).isEqualTo("end");
        assertThat(field(postJson("{\"leaderId\":" + lea + ",\"start\":\"2027-05-01T10:00:00Z\"}"))).isEqualTo("end");
        assertThat(field(postJson("{\"leaderId\":" + lea + ",\"start\":\"2027-05-01T10:00:00Z\",\"end\":\"2027-05-01T12:00:00Z\",\"room\":1}")))
                .isEqualTo("room");
        assertThat(field(service.api("GET", "/api/shifts?to=2027-05-02T00:00:00Z", bearer, null))).isEqualTo("from");
        assertThat(field(service.api("GET", "/api/shifts?from=2027-05-01T00:00:00Z", bearer, null))).isEqualTo("to");
        assertThat(field(service.api("GET", "/api/shifts?from=2027-05-02T00:00:00Z&to=2027-05-01T00:00:00Z", bearer, null))).isEqualTo("to");
        assertThat(field(service.api("GET", "/api/rota/gaps?from=yesterday&to=2027-05-01T00:00:00Z", bearer, null))).isEqualTo("from");
    }

    @Test
    void gapsAreTheHolesInTheRotaWithTheZonesOffset() throws Exception {
        long maja = leader("Maja G");
        long emil = leader("Emil G");
        post(maja, "2027-06-01T09:00:00+02:00", "2027-06-01T12:00:00+02:00");
        post(emil, "2027-06-01T11:00:00+02:00", "2027-06-01T13:00:00+02:00");

        var gaps = service.api("GET", "/api/rota/gaps?from=" + enc("2027-06-01T08:00:00+02:00") + "&to=2027-06-01T12:00:00Z", bearer, null);

        assertThat(gaps.statusCode()).isEqualTo(200);
        var body = JSON.readTree(gaps.body());
        assertThat(body).hasSize(2);
        assertThat(body.get(0).get("start").asText()).isEqualTo("2027-06-01T08:00:00+02:00");
        assertThat(body.get(0).get("end").asText()).isEqualTo("2027-06-01T09:00:00+02:00");
        assertThat(body.get(1).get("start").asText()).isEqualTo("2027-06-01T13:00:00+02:00");
        assertThat(body.get(1).get("end").asText()).isEqualTo("2027-06-01T14:00:00+02:00");
    }

    @Test
    void everyRotaCallNeedsABearerToken() {
        String window = "?from=2027-05-01T00:00:00Z&to=2027-05-02T00:00:00Z";
        assertThat(service.api("GET", "/api/shifts" + window, null, null).statusCode()).isEqualTo(401);
        assertThat(service.api("GET", "/api/shifts" + window, "Bearer not-a-token", null).statusCode()).isEqualTo(401);
        assertThat(service.api("POST", "/api/shifts", null, "{}").statusCode()).isEqualTo(401);
        assertThat(service.api("DELETE", "/api/shifts/1", null, null).statusCode()).isEqualTo(401);
        assertThat(service.api("GET", "/api/rota/gaps" + window, null, null).statusCode()).isEqualTo(401);
        assertThat(service.api("GET", "/api/shift-templates", null, null).statusCode()).isEqualTo(401);
        assertThat(service.api("POST", "/api/shift-templates", null, "{}").statusCode()).isEqualTo(401);
        assertThat(service.api("DELETE", "/api/shift-templates/1", null, null).statusCode()).isEqualTo(401);
    }

    /** A new active, available leader, created through the leader API, with a number no other leader here has. */
    private static long leader(String name) throws Exception {
        String phone = "+4520" + NEXT_NUMBER.getAndIncrement();
        var created = service.api("POST", "/api/leaders", bearer, "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static HttpResponse<String> post(long leaderId, String start, String end) {
        return postJson("{\"leaderId\":" + leaderId + ",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}");
    }

    private static HttpResponse<String> postJson(String json) {
        return service.api("POST", "/api/shifts", bearer, json);
    }

    private static String field(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return JSON.readTree(response.body()).get("field").asText();
    }

    private static List<String> starts(JsonNode list) {
        var starts = new ArrayList<String>();
        list.forEach(s -> starts.add(s.get("start").asText()));
        return starts;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
