package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaderApiTest {
    private static TestService service;
    private static String bearer;

    @BeforeAll
    static void start() {
        service = TestService.start("http://127.0.0.1:9");
        bearer = service.bearer();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void createdLeaderIsListedWithAMaskedNumber() {
        var created = post("{\"name\":\"Maja\",\"phone\":\"20 11 22 33\",\"languages\":[\"da\",\"en\"]}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode leader = Json.parse(created);
        long id = Json.number(leader, "id");
        assertThat(id).isPositive();
        assertThat(Json.text(leader, "name")).isEqualTo("Maja");
        assertThat(Json.text(leader, "phone")).isEqualTo("+45 •••• ••33");
        assertThat(Json.texts(leader, "languages")).containsExactly("da", "en");
        assertThat(Json.bool(leader, "active")).isTrue();
        assertThat(Json.bool(leader, "available")).isTrue();
        var list = service.api("GET", "/api/leaders", bearer, null);
        JsonNode listed = Json.withId(Json.parse(list), id);
        assertThat(Json.text(listed, "name")).isEqualTo("Maja");
        assertThat(Json.text(listed, "phone")).isEqualTo("+45 •••• ••33");
        // Privacy: the number in clear must not appear anywhere in either answer, whatever the field.
        assertThat(created.body()).doesNotContain("20112233");
        assertThat(list.body()).doesNotContain("20112233");
    }

    @Test
    void revealShowsTheNumberAndIsAudited() {
        long id = Json.id(post("{\"name\":\"Sofie\",\"phone\":\"+45 30 11 22 44\"}"));

        var revealed = service.api("GET", "/api/leaders/" + id + "?reveal=true", bearer, null);

        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(Json.text(Json.parse(revealed), "phone")).isEqualTo("+4530112244");
        int audits = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_log WHERE action = 'reveal' AND subject = :s").bind("s", "leader:" + id)
                .mapTo(Integer.class).one());
        assertThat(audits).isEqualTo(1);
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        long id = Json.id(post("{\"name\":\"Emil\",\"phone\":\"40112255\"}"));

        var patched = service.api("PATCH", "/api/leaders/" + id, bearer, "{\"available\":false}");

        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode leader = Json.parse(patched);
        assertThat(Json.bool(leader, "available")).isFalse();
        assertThat(Json.text(leader, "name")).isEqualTo("Emil");
        assertThat(Json.text(leader, "phone")).endsWith("••55");
    }

    @Test
    void deletedLeaderIsGoneAndTheirNumberErased() {
        long id = Json.id(post("{\"name\":\"Ida\",\"phone\":\"50112266\"}"));

        assertThat(service.api("DELETE", "/api/leaders/" + id, bearer, null).statusCode()).isEqualTo(204);

        assertThat(service.api("GET", "/api/leaders/" + id, bearer, null).statusCode()).isEqualTo(404);
        boolean numberKept = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT phone_sealed IS NOT NULL FROM leaders WHERE id = :id").bind("id", id).mapTo(Boolean.class).one());
        assertThat(numberKept).isFalse();
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"name":"X","phone":"not a number"}                | phone
            {"phone":"20112299"}                               | name
            {"name":"X","phone":"20112299","languages":["fr"]} | languages
            {"name":"X","phone":"20112299","colour":"red"}     | colour
            """)
    void badInputIsA400NamingTheField(String json, String field) {
        var response = post(json);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Json.errorField(response)).isEqualTo(field);
    }

    @Test
    void malformedJsonAndAWrongTypeAreA400() {
        var malformed = post("{\"name\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Json.text(Json.parse(malformed), "error")).contains("not valid JSON");
        var wrongType = post("{\"name\":\"X\",\"phone\":\"20112299\",\"active\":\"20112299\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(Json.errorField(wrongType)).isEqualTo("active");
        // Privacy: the mistyped value (a number) is not echoed anywhere in the answer.
        assertThat(wrongType.body()).doesNotContain("20112299");
    }

    @Test
    void twoLeadersCannotShareANumber() {
        assertThat(post("{\"name\":\"A\",\"phone\":\"60112277\"}").statusCode()).isEqualTo(201);

        var clash = post("{\"name\":\"B\",\"phone\":\"+4560112277\"}");

        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(Json.errorField(clash)).isEqualTo("phone");
    }

    @Test
    void unknownLeaderIs404AndBadIdIs400() {
        assertThat(service.api("GET", "/api/leaders/999999", bearer, null).statusCode()).isEqualTo(404);
        assertThat(service.api("GET", "/api/leaders/abc", bearer, null).statusCode()).isEqualTo(400);
    }

    private static java.net.http.HttpResponse<String> post(String json) {
        return service.api("POST", "/api/leaders", bearer, json);
    }
}
