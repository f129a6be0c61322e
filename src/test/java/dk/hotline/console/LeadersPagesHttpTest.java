package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.PageSession;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ledere, Konti and Revision over plain HTTP, where a browser is not needed: what a leader account
 * may not open or change, forms refused without their token (and nothing changed), the number and
 * the password link only on the answer that shows them, never cached, and the switch without
 * JavaScript.
 */
class LeadersPagesHttpTest {
    private static final String PASSWORD = "a-long-enough-password";

    private TestService service;
    private Coordinator coordinator;

    @BeforeEach
    void start() {
        service = TestService.start("http://127.0.0.1:9");
        coordinator = new Coordinator(service);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aLeaderAccountOpensNoneOfTheCoordinatorsPagesAndSwitchesOnlyItself() {
        long own = coordinator.leader("Pia", "+4520771122");
        long other = coordinator.leader("Rune", "+4520771133");
        assertThat(coordinator.post("/api/accounts", "{\"email\":\"pia@example.org\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"leader\",\"leaderId\":" + own + "}").statusCode()).isEqualTo(201);
        var pia = PageSession.signIn(service, "pia@example.org", PASSWORD);

        for (String path : new String[] {"/leaders", "/audit", "/accounts", "/leaders/" + other + "/edit",
            "/leaders/" + other + "/reveal", "/accounts/1/delete"}) {
            assertThat(pia.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(pia.submit("/leaders", Map.of("name", "Snyd", "phone", "20771144", "languages", "da")).statusCode())
                .isEqualTo(403);
        assertThat(pia.submit("/leaders/" + other + "/reveal", Map.of("reason", "nysgerrig")).statusCode()).isEqualTo(403);
        assertThat(pia.submit("/leaders/" + other + "/available", Map.of("available", "false")).statusCode()).isEqualTo(403);
        assertThat(pia.submit("/accounts", Map.of("email", "x@example.org", "role", "coordinator")).statusCode())
                .isEqualTo(403);

        var switched = pia.submit("/leaders/" + own + "/available", Map.of("available", "false"));

        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Location")).hasValue("/leaders/me?done=unavailable");
        var leaders = Json.parse(coordinator.get("/api/leaders"));
        assertThat(Json.bool(Json.withId(leaders, own), "available")).isFalse();
        assertThat(Json.bool(Json.withId(leaders, other), "available")).as("another leader's stays").isTrue();
        assertThat(Json.elements(leaders)).as("nothing added").hasSize(2);
        assertThat(auditRows()).as("nothing revealed").isZero();
        assertThat(Json.elements(coordinator.get("/api/accounts"))).as("no account made").hasSize(2);
    }

    @Test
    void aFormWithAControlCharacterIsRefusedNamingTheFieldAndChangesNothing() {
        var admin = PageSession.signIn(service, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);

        var leader = admin.submit("/leaders", Map.of("name", "To\u0000m", "phone", "20771166", "languages", "da"));
        var account = admin.submit("/accounts", Map.of("email", "u\u0007@example.org", "role", "coordinator"));
        var signIn = service.postForm("/login", Map.of("email", "a\u0000@example.org", "password", "x", "csrf", "x"), Map.of());

        for (var refused : java.util.List.of(leader, account, signIn)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains(refused == leader ? "name" : "email");
        }
        assertThat(Json.elements(coordinator.get("/api/leaders"))).as("no leader added").isEmpty();
        assertThat(Json.elements(coordinator.get("/api/accounts"))).as("no account made").hasSize(1);
    }

    @Test
    void formsPostedWithoutTheirTokenAreRefusedAndChangeNothing() {
        long id = coordinator.leader("Sara", "+4520771155");
        var admin = PageSession.signIn(service, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);

        assertThat(admin.post("/leaders", Map.of("name", "Tom", "phone", "20771166", "languages", "da")).statusCode())
                .isEqualTo(403);
        assertThat(admin.post("/leaders/" + id, Map.of("name", "Sara X", "languages", "da")).statusCode()).isEqualTo(403);
        assertThat(admin.post("/leaders/" + id + "/available", Map.of("available", "false")).statusCode()).isEqualTo(403);
        assertThat(admin.post("/leaders/" + id + "/active", Map.of("active", "false")).statusCode()).isEqualTo(403);
        assertThat(admin.post("/leaders/" + id + "/reveal", Map.of("reason", "ringer tilbage")).statusCode()).isEqualTo(403);
        assertThat(admin.post("/accounts", Map.of("email", "u@example.org", "role", "coordinator")).statusCode())
                .isEqualTo(403);
        assertThat(admin.post("/accounts/1/delete", Map.of()).statusCode()).isEqualTo(403);

        var leaders = Json.parse(coordinator.get("/api/leaders"));
        assertThat(Json.elements(leaders)).hasSize(1);
        var sara = Json.withId(leaders, id);
        assertThat(Json.text(sara, "name")).isEqualTo("Sara");
        assertThat(Json.bool(sara, "available")).isTrue();
        assertThat(Json.bool(sara, "active")).isTrue();
        assertThat(auditRows()).isZero();
        assertThat(Json.elements(coordinator.get("/api/accounts"))).hasSize(1);
    }

    @Test
    void theNumberIsOnTheAnswerToTheReasonOnlyNeverCachedAndAudited() {
        long id = coordinator.leader("Tove", "+4520771177");
        var admin = PageSession.signIn(service, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);

        var noReason = admin.submit("/leaders/" + id + "/reveal", Map.of("reason", "  "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).doesNotContain("20771177").doesNotContain("20 77 11 77");
        assertThat(auditRows()).isZero();

        var shown = admin.submit("/leaders/" + id + "/reveal", Map.of("reason", "ringer tilbage efter aftale"));

        assertThat(shown.statusCode()).as("shown on this answer, not behind a redirect").isEqualTo(200);
        assertThat(shown.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(shown.body()).contains("+45 20 77 11 77").contains("tel:+4520771177");
        var row = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT a.subject, a.reason, c.email FROM audit_log a JOIN accounts c ON c.id = a.coordinator_id WHERE a.action = 'reveal'")
                .mapToMap().one());
        assertThat(row).containsEntry("subject", "leader:" + id).containsEntry("reason", "ringer tilbage efter aftale")
                .containsEntry("email", TestConfig.ADMIN_EMAIL);
        assertThat(admin.get("/leaders/" + id + "/reveal").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void theSwitchWorksWithoutJavascriptAndHtmxGetsTheRowAlone() {
        long id = coordinator.leader("Uffe", "+4520771188");
        var admin = PageSession.signIn(service, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);

        var plain = admin.submit("/leaders/" + id + "/available", Map.of("available", "false"));
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.headers().firstValue("Location")).hasValue("/leaders?done=unavailable&id=" + id);
        assertThat(admin.get("/leaders?done=unavailable&id=" + id).body()).contains("Uffe er slået fra og tager ikke opkald.");

        var row = admin.htmx("/leaders/" + id + "/available", Map.of("available", "true"));
        assertThat(row.statusCode()).isEqualTo(200);
        assertThat(row.body().strip()).startsWith("<tr id=\"leader-" + id + "\"").doesNotContain("<html");
        assertThat(Json.bool(Json.withId(Json.parse(coordinator.get("/api/leaders")), id), "available")).isTrue();
    }

    @Test
    void aPasswordLinkIsShownOnceOnItsAnswerAndNeverCached() {
        var admin = PageSession.signIn(service, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);

        var made = admin.submit("/accounts", Map.of("email", "vera@example.org", "role", "coordinator", "leaderId", "",
                "password", ""));

        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(made.body()).contains(service.publicUrl() + "/password/");
        assertThat(admin.get("/accounts").body()).doesNotContain("/password/");
    }

    private int auditRows() {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE action = 'reveal'").mapTo(Integer.class).one());
    }
}
