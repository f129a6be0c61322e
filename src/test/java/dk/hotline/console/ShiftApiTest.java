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

class ShiftApiTest {
    private static TestService service;
    private static Coordinator coordinator;
    private static String bearer;
    /** A leader for the input that is refused: no shift of hers is ever stored. */
    private static long lea;

    @BeforeAll
    static void start() {
        service = TestService.start("http://127.0.0.1:9", env -> env, new MutableClock(Instant.parse("2027-03-01T09:00:00Z")));
        coordinator = new Coordinator(service);
        bearer = service.bearer();
        lea = coordinator.leader("Lea");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aCreatedShiftComesBackWithItsIdAndTheZonesOffset() {
        long maja = coordinator.leader("Maja");

        var created = post(maja, "2027-03-27T16:00:00Z", "2027-03-27T20:00:00Z");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode shift = Json.parse(created);
        assertThat(Json.number(shift, "id")).isPositive();
        assertThat(Json.number(shift, "leaderId")).isEqualTo(maja);
        assertThat(Json.text(shift, "leaderName")).isEqualTo("Maja");
        assertThat(Json.text(shift, "start")).isEqualTo("2027-03-27T17:00:00+01:00");
        assertThat(Json.text(shift, "end")).isEqualTo("2027-03-27T21:00:00+01:00");
    }

    @Test
    void timesFinerThanASecondAreKeptInWholeSecondsSoShiftsThatMeetDoNotClash() {
        long nora = coordinator.leader("Nora");

        var created = post(nora, "2027-04-20T17:00:00.400+02:00", "2027-04-20T21:00:00.999+02:00");
        var next = post(nora, "2027-04-20T21:00:00+02:00", "2027-04-20T23:00:00+02:00");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Json.text(Json.parse(created), "start")).isEqualTo("2027-04-20T17:00:00+02:00");
        assertThat(Json.text(Json.parse(created), "end")).isEqualTo("2027-04-20T21:00:00+02:00");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
    }

    @Test
    void theListHoldsShiftsOverlappingTheWindowByStart() {
        long emil = coordinator.leader("Emil");
        long ida = coordinator.leader("Ida");
        post(ida, "2027-04-05T20:00:00+02:00", "2027-04-06T08:00:00+02:00");
        post(emil, "2027-04-06T12:00:00+02:00", "2027-04-06T16:00:00+02:00");
        post(ida, "2027-04-06T09:00:00+02:00", "2027-04-06T13:00:00+02:00");
        post(emil, "2027-04-07T09:00:00+02:00", "2027-04-07T13:00:00+02:00");

        // The "+" of the offset as a client might send it, unencoded (it arrives as a space).
        var list = service.api("GET", "/api/shifts?from=2027-04-06T00:00:00+02:00&to=" + enc("2027-04-07T00:00:00+02:00"), bearer, null);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(starts(Json.parse(list))).containsExactly(
                "2027-04-05T20:00:00+02:00", "2027-04-06T09:00:00+02:00", "2027-04-06T12:00:00+02:00");
    }

    @Test
    void anOverlappingShiftForTheSameLeaderIs409OnStart() {
        long sofie = coordinator.leader("Sofie");
        assertThat(post(sofie, "2027-04-12T17:00:00+02:00", "2027-04-12T21:00:00+02:00").statusCode()).isEqualTo(201);

        var clash = post(sofie, "2027-04-12T20:00:00+02:00", "2027-04-12T22:00:00+02:00");

        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(Json.errorField(clash)).isEqualTo("start");
    }

    @Test
    void aDeletedShiftIsGoneAndASecondDeleteIs404() {
        long noah = coordinator.leader("Noah");
        long id = Json.id(post(noah, "2027-04-19T17:00:00+02:00", "2027-04-19T21:00:00+02:00"));

        assertThat(service.api("DELETE", "/api/shifts/" + id, bearer, null).statusCode()).isEqualTo(204);

        assertThat(service.api("DELETE", "/api/shifts/" + id, bearer, null).statusCode()).isEqualTo(404);
        assertThat(service.api("DELETE", "/api/shifts/abc", bearer, null).statusCode()).isEqualTo(400);
        var list = service.api("GET", "/api/shifts?from=" + enc("2027-04-19T00:00:00+02:00") + "&to=" + enc("2027-04-20T00:00:00+02:00"), bearer, null);
        assertThat(Json.elements(Json.parse(list))).isEmpty();
    }

    @Test
    void aPatchMovesAShiftOrHandsItOverAndAnOverlapIs409() {
        long noah = coordinator.leader("Noah P");
        long alma = coordinator.leader("Alma P");
        long id = Json.id(post(noah, "2027-04-20T17:00:00+02:00", "2027-04-20T21:00:00+02:00"));
        post(alma, "2027-04-21T17:00:00+02:00", "2027-04-21T21:00:00+02:00");

        var moved = patch(id, "{\"start\":\"2027-04-21T16:00:00Z\",\"end\":\"2027-04-21T20:00:00Z\"}");
        var handedOver = patch(id, "{\"leaderId\":" + alma + "}");
        var back = patch(id, "{\"start\":\"2027-04-20T17:00:00+02:00\",\"end\":\"2027-04-20T21:00:00+02:00\"}");

        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(Json.text(Json.parse(moved), "start")).isEqualTo("2027-04-21T18:00:00+02:00");
        assertThat(Json.text(Json.parse(moved), "leaderName")).isEqualTo("Noah P");
        assertThat(handedOver.statusCode()).as("Alma is on at 17:00-21:00 that day").isEqualTo(409);
        assertThat(Json.errorField(handedOver)).isEqualTo("leaderId");
        assertThat(back.statusCode()).isEqualTo(200);
        var handed = patch(id, "{\"leaderId\":" + alma + "}");
        assertThat(handed.statusCode()).isEqualTo(200);
        assertThat(Json.number(Json.parse(handed), "leaderId")).isEqualTo(alma);
        assertThat(Json.text(Json.parse(handed), "start")).isEqualTo("2027-04-20T17:00:00+02:00");
        assertThat(patch(id, "{\"start\":\"2027-04-21T18:00:00+02:00\",\"end\":\"2027-04-21T19:00:00+02:00\"}").statusCode())
                .as("onto Alma's own shift").isEqualTo(409);
        assertThat(Json.badRequestField(patch(id, "{\"end\":\"2027-04-20T16:00:00+02:00\"}"))).isEqualTo("end");
        assertThat(Json.badRequestField(patch(id, "{\"room\":1}"))).isEqualTo("room");
        assertThat(patch(999_999, "{\"leaderId\":" + alma + "}").statusCode()).isEqualTo(404);
        assertThat(service.api("PATCH", "/api/shifts/" + id, null, "{}").statusCode()).isEqualTo(401);
    }

    /** {@code LEA} stands for the id of a leader who exists. */
    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"start":"2027-05-01T10:00:00Z","end":"2027-05-01T12:00:00Z"}                          | leaderId
            {"leaderId":999999,"start":"2027-05-01T10:00:00Z","end":"2027-05-01T12:00:00Z"}        | leaderId
            {"leaderId":"Lea","start":"2027-05-01T10:00:00Z","end":"2027-05-01T12:00:00Z"}         | leaderId
            {"leaderId":LEA,"start":"tomorrow","end":"2027-05-01T12:00:00Z"}                       | start
            {"leaderId":LEA,"start":"2027-05-01T10:00:00","end":"2027-05-01T12:00:00Z"}            | start
            {"leaderId":LEA,"start":"2027-05-01T10:00:00Z","end":"2027-05-01T09:00:00Z"}           | end
            {"leaderId":LEA,"start":"2027-05-01T10:00:00Z"}                                        | end
            {"leaderId":LEA,"start":"2027-05-01T10:00:00Z","end":"2027-05-01T12:00:00Z","room":1}  | room
            """)
    void aBadShiftIsA400NamingTheField(String json, String field) {
        assertThat(Json.badRequestField(postJson(json.replace("LEA", String.valueOf(lea))))).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/shifts?to=2027-05-02T00:00:00Z                            | from
            /api/shifts?from=2027-05-01T00:00:00Z                          | to
            /api/shifts?from=2027-05-02T00:00:00Z&to=2027-05-01T00:00:00Z  | to
            /api/rota/gaps?from=yesterday&to=2027-05-01T00:00:00Z          | from
            """)
    void aBadWindowIsA400NamingTheField(String pathAndQuery, String field) {
        assertThat(Json.badRequestField(service.api("GET", pathAndQuery, bearer, null))).isEqualTo(field);
    }

    @Test
    void gapsAreTheHolesInTheRotaWithTheZonesOffset() {
        long maja = coordinator.leader("Maja G");
        long emil = coordinator.leader("Emil G");
        post(maja, "2027-06-01T09:00:00+02:00", "2027-06-01T12:00:00+02:00");
        post(emil, "2027-06-01T11:00:00+02:00", "2027-06-01T13:00:00+02:00");

        var gaps = service.api("GET", "/api/rota/gaps?from=" + enc("2027-06-01T08:00:00+02:00") + "&to=2027-06-01T12:00:00Z", bearer, null);

        assertThat(gaps.statusCode()).isEqualTo(200);
        var body = Json.elements(Json.parse(gaps));
        assertThat(body).hasSize(2);
        assertThat(Json.text(body.get(0), "start")).isEqualTo("2027-06-01T08:00:00+02:00");
        assertThat(Json.text(body.get(0), "end")).isEqualTo("2027-06-01T09:00:00+02:00");
        assertThat(Json.text(body.get(1), "start")).isEqualTo("2027-06-01T13:00:00+02:00");
        assertThat(Json.text(body.get(1), "end")).isEqualTo("2027-06-01T14:00:00+02:00");
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

    private static HttpResponse<String> post(long leaderId, String start, String end) {
        return postJson("{\"leaderId\":" + leaderId + ",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}");
    }

    private static HttpResponse<String> patch(long id, String json) {
        return service.api("PATCH", "/api/shifts/" + id, bearer, json);
    }

    private static HttpResponse<String> postJson(String json) {
        return service.api("POST", "/api/shifts", bearer, json);
    }

    private static List<String> starts(JsonNode list) {
        return Json.elements(list).stream().map(s -> Json.text(s, "start")).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
