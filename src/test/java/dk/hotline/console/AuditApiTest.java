package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ?reveal=true&reason=…} keeps the reason; {@code /api/audit} reads the log back, as the audit page does. */
class AuditApiTest {
    private static TestService service;
    private static Coordinator coordinator;

    @BeforeAll
    static void start() {
        service = TestService.start("http://127.0.0.1:9");
        coordinator = new Coordinator(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aRevealThroughTheApiKeepsItsReasonAndTheLogSaysWhoWhatAndWhy() {
        long id = coordinator.leader("Wilma");
        coordinator.get("/api/leaders/" + id + "?reveal=true&reason=ringer%20tilbage");
        coordinator.get("/api/leaders/" + id + "?reveal=true");

        var log = Json.elements(coordinator.get("/api/audit"));

        var newest = log.get(0);
        assertThat(Json.text(newest, "subject")).isEqualTo("leader:" + id);
        assertThat(newest.get("reason").isNull()).as("no reason given").isTrue();
        var earlier = log.get(1);
        assertThat(Json.text(earlier, "reason")).isEqualTo("ringer tilbage");
        assertThat(Json.text(earlier, "email")).isEqualTo(TestConfig.ADMIN_EMAIL);
        assertThat(Json.text(earlier, "action")).isEqualTo("reveal");
    }

    @Test
    void aBadDateOrPageIsABadRequestNamingTheField() {
        var bearer = service.bearer();
        assertThat(Json.badRequestField(service.api("GET", "/api/audit?from=yesterday", bearer, null))).isEqualTo("from");
        assertThat(Json.badRequestField(service.api("GET", "/api/audit?from=2026-03-02&to=2026-03-01", bearer, null)))
                .isEqualTo("to");
        assertThat(Json.badRequestField(service.api("GET", "/api/audit?page=0", bearer, null))).isEqualTo("page");
        assertThat(Json.elements(coordinator.get("/api/audit?from=2000-01-01&to=2000-01-02"))).isEmpty();
    }
}
