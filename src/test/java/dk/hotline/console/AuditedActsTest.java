package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.PageSession;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-ins, account, leader and rota changes each leave one audit row, with the account that
 * acted and the address the request came from; {@code /api/audit/verify} vouches for the chain
 * and names a row a superuser changed behind the trigger's back.
 */
class AuditedActsTest {
    private static TestService service;
    private static Coordinator coordinator;
    private static long admin;

    /** One audit row as stored. */
    record Row(long id, Long account, String action, String subject, String address) {}

    @BeforeAll
    static void start() {
        service = TestService.start("http://127.0.0.1:9");
        coordinator = new Coordinator(service);
        admin = service.jdbi().withHandle(h -> h.createQuery("SELECT id FROM accounts WHERE email = :e")
                .bind("e", TestConfig.ADMIN_EMAIL).mapTo(Long.class).one());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aSignInOnThePageAndThroughTheApiIsOneRowEachAndAFailedOneNamesNoAccountNorTheTypedAddress() throws Exception {
        int before = rows("signin", "account:" + admin).size();
        PageSession.signIn(service, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        var signIns = rows("signin", "account:" + admin);
        assertThat(signIns).hasSize(before + 1);
        assertFrom(signIns.get(signIns.size() - 1), admin);

        int apiBefore = rows("signin.api", "account:" + admin).size();
        service.bearer();
        var apiSignIns = rows("signin.api", "account:" + admin);
        assertThat(apiSignIns).hasSize(apiBefore + 1);
        assertFrom(apiSignIns.get(apiSignIns.size() - 1), admin);

        var refused = service.api("POST", "/api/tokens", TestService.basic("nobody-here@example.org", "not-a-password"), null);
        assertThat(refused.statusCode()).isEqualTo(401);
        var failed = service.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, coordinator_id AS account, action, subject, address FROM audit_log
                        WHERE action = 'signin.failed' ORDER BY id DESC LIMIT 1""")
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getObject("account", Long.class), rs.getString("action"),
                        rs.getString("subject"), rs.getString("address"))).one());
        assertThat(failed.account()).as("nobody signed in").isNull();
        assertThat(failed.subject()).startsWith("email:").doesNotContain("nobody-here");
        assertThat(InetAddress.getByName(failed.address()).isLoopbackAddress()).isTrue();
    }

    @Test
    void aLeaderChangeAShiftAndAnAccountChangeEachLeaveOneRow() throws Exception {
        long leader = coordinator.leader("Vera");
        assertFrom(one("leader.create", "leader:" + leader), admin);
        coordinator.patchLeader(leader, "{\"name\":\"Vera K.\"}");
        assertFrom(one("leader.update", "leader:" + leader), admin);

        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        var shift = service.api("POST", "/api/shifts", service.bearer(),
                "{\"leaderId\":" + leader + ",\"start\":\"" + start + "\",\"end\":\"" + start.plus(Duration.ofHours(3)) + "\"}");
        assertThat(shift.statusCode()).as(shift.body()).isEqualTo(201);
        assertFrom(one("shift.create", "shift:" + Json.id(shift)), admin);

        var account = coordinator.post("/api/accounts", "{\"email\":\"auditert@example.org\",\"role\":\"coordinator\"}");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        long accountId = Json.id(account);
        assertFrom(one("account.create", "account:" + accountId), admin);
        var off = service.api("PATCH", "/api/accounts/" + accountId, service.bearer(), "{\"active\":false}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertFrom(one("account.deactivate", "account:" + accountId), admin);

        // The same acts through the console's forms.
        var deleted = service.api("DELETE", "/api/shifts/" + Json.id(shift), service.bearer(), null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertFrom(one("shift.delete", "shift:" + Json.id(shift)), admin);
        var page = PageSession.signIn(service, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        assertThat(page.submit("/leaders/" + leader + "/active", Map.of("active", "false")).statusCode()).isEqualTo(303);
        assertFrom(one("leader.deactivate", "leader:" + leader), admin);
        assertThat(page.submit("/accounts/" + accountId + "/active", Map.of("active", "true")).statusCode()).isEqualTo(303);
        assertFrom(one("account.activate", "account:" + accountId), admin);
        assertThat(page.submit("/accounts/" + accountId + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertFrom(one("account.delete", "account:" + accountId), admin);

        assertThat(Json.parse(coordinator.get("/api/audit/verify")).get("ok").asBoolean()).isTrue();
        var listed = Json.withText(Json.parse(coordinator.get("/api/audit")), "action", "shift.delete");
        assertThat(Json.text(listed, "address")).isNotBlank();
        assertThat(Json.text(listed, "hash")).hasSize(64);
    }

    @Test
    void anAccountChangingItsOwnPasswordLeavesARowOfItsOwn() throws Exception {
        var made = coordinator.post("/api/accounts",
                "{\"email\":\"eget-kodeord@example.org\",\"password\":\"first-long-password\",\"role\":\"coordinator\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        long id = Json.id(made);
        String token = "Bearer " + Json.text(Json.parse(service.api("POST", "/api/tokens",
                TestService.basic("eget-kodeord@example.org", "first-long-password"), null).body()), "token");

        var changed = service.api("POST", "/api/me/password", token,
                "{\"current\":\"first-long-password\",\"password\":\"second-long-password\"}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertFrom(one("account.password", "account:" + id), id);
    }

    @Test
    void verifyNamesTheRowASuperuserChangedBehindTheTrigger() {
        long leader = coordinator.leader("Tove");
        var verified = Json.parse(coordinator.get("/api/audit/verify"));
        assertThat(verified.get("ok").asBoolean()).isTrue();
        assertThat(verified.get("rows").asLong()).isGreaterThan(0);
        assertThat(verified.has("firstBroken")).isFalse();

        var row = one("leader.create", "leader:" + leader);
        service.jdbi().useHandle(h -> {
            h.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard");
            h.execute("UPDATE audit_log SET coordinator_id = NULL WHERE id = ?", row.id());
            h.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard");
        });
        try {
            var broken = Json.parse(coordinator.get("/api/audit/verify"));
            assertThat(broken.get("ok").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").get("id").asLong()).isEqualTo(row.id());
            assertThat(broken.get("firstBroken").get("at").asText()).isNotBlank();
        } finally {
            service.jdbi().useHandle(h -> {
                h.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard");
                h.execute("UPDATE audit_log SET coordinator_id = ? WHERE id = ?", admin, row.id());
                h.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard");
            });
        }
        assertThat(Json.parse(coordinator.get("/api/audit/verify")).get("ok").asBoolean()).as("put back, it holds again").isTrue();
    }

    private static void assertFrom(Row row, long account) throws Exception {
        assertThat(row.account()).isEqualTo(account);
        assertThat(row.address()).as("the request's client address").isNotNull();
        assertThat(InetAddress.getByName(row.address()).isLoopbackAddress()).as(row.address()).isTrue();
    }

    private static Row one(String action, String subject) {
        var found = rows(action, subject);
        assertThat(found).as(action + " " + subject).hasSize(1);
        return found.get(0);
    }

    private static List<Row> rows(String action, String subject) {
        return service.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, coordinator_id AS account, action, subject, address FROM audit_log
                        WHERE action = :a AND subject = :s ORDER BY id""")
                .bind("a", action).bind("s", subject)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getObject("account", Long.class), rs.getString("action"),
                        rs.getString("subject"), rs.getString("address"))).list());
    }
}
