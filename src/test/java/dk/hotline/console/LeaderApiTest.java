package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        assertThat(created.body()).contains("\"id\":").contains("\"name\":\"Maja\"").contains("\"phone\":\"+45 •••• ••33\"")
                .contains("\"languages\":[\"da\",\"en\"]").contains("\"active\":true").contains("\"available\":true")
                .doesNotContain("20112233");
        var list = service.api("GET", "/api/leaders", bearer, null);
        assertThat(list.body()).contains("Maja").doesNotContain("20112233");
    }

    @Test
    void revealShowsTheNumberAndIsAudited() {
        var created = post("{\"name\":\"Sofie\",\"phone\":\"+45 30 11 22 44\"}");
        String id = created.body().replaceFirst("(?s).*\"id\":(\\d+).*", "$1");

        var revealed = service.api("GET", "/api/leaders/" + id + "?reveal=true", bearer, null);

        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.body()).contains("\"phone\":\"+4530112244\"");
        int audits = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_log WHERE action = 'reveal' AND subject = :s").bind("s", "leader:" + id)
                .mapTo(Integer.class).one());
        assertThat(audits).isEqualTo(1);
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        var created = post("{\"name\":\"Emil\",\"phone\":\"40112255\"}");
        String id = created.body().replaceFirst("(?s).*\"id\":(\\d+).*", "$1");

        var patched = service.api("PATCH", "/api/leaders/" + id, bearer, "{\"available\":false}");

        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.body()).contains("\"available\":false").contains("\"name\":\"Emil\"").contains("••55");
    }

    @Test
    void deletedLeaderIsGoneAndTheirNumberErased() {
        var created = post("{\"name\":\"Ida\",\"phone\":\"50112266\"}");
        String id = created.body().replaceFirst("(?s).*\"id\":(\\d+).*", "$1");

        assertThat(service.api("DELETE", "/api/leaders/" + id, bearer, null).statusCode()).isEqualTo(204);

        assertThat(service.api("GET", "/api/leaders/" + id, bearer, null).statusCode()).isEqualTo(404);
        boolean numberKept = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT phone_sealed IS NOT NULL FROM leaders WHERE id = :id").bind("id", Long.parseLong(id)).mapTo(Boolean.class).one());
        assertThat(numberKept).isFalse();
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertThat(post("{\"name\":\"X\",\"phone\":\"not a number\"}").body()).contains("\"field\":\"phone\"");
        assertThat(post("{\"phone\":\"20112299\"}").body()).contains("\"field\":\"name\"");
        assertThat(post("{\"name\":\"X\",\"phone\":\"20112299\",\"languages\":[\"fr\"]}").body()).contains("\"field\":\"languages\"");
        assertThat(post("{\"name\":\"X\",\"phone\":\"20112299\",\"colour\":\"red\"}").body()).contains("\"field\":\"colour\"");
        var malformed = post("{\"name\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON");
        var wrongType = post("{\"name\":\"X\",\"phone\":\"20112299\",\"active\":\"20112299\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"field\":\"active\"").doesNotContain("20112299");
    }

    @Test
    void twoLeadersCannotShareANumber() {
        assertThat(post("{\"name\":\"A\",\"phone\":\"60112277\"}").statusCode()).isEqualTo(201);

        var clash = post("{\"name\":\"B\",\"phone\":\"+4560112277\"}");

        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.body()).contains("\"field\":\"phone\"");
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
