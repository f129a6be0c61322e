package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a leader account's API token reaches: its own leader, its own availability and its own
 * password, the same as its page {@code /leaders/me}; another leader's, and everything else of
 * the coordinators', is 403 and changes nothing.
 */
class LeaderTokenApiTest {
    private static final String PASSWORD = "a-long-enough-password";
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static TestService service;
    private static Coordinator coordinator;
    private static long sofie;
    private static long emil;

    @BeforeAll
    static void start() {
        twilio.start();
        service = TestService.start(twilio.baseUrl());
        coordinator = new Coordinator(service);
        sofie = coordinator.leader("Sofie Lund", "+4520112233");
        emil = coordinator.leader("Emil Dahl", "+4520445566");
    }

    @AfterAll
    static void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void aLeaderReadsItsOwnLeaderAndSwitchesOnlyItsOwnAvailability() throws Exception {
        String token = coordinator.leaderAccount(sofie, "sofie@example.org", PASSWORD);

        var own = service.api("GET", "/api/leaders/" + sofie, token, null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(Json.parse(own).get("name").asText()).isEqualTo("Sofie Lund");
        assertThat(own.body()).doesNotContain("20112233");
        assertThat(service.api("GET", "/api/leaders/" + emil, token, null).statusCode()).isEqualTo(403);
        assertThat(service.api("GET", "/api/leaders", token, null).statusCode()).isEqualTo(403);

        var off = service.api("PATCH", "/api/leaders/" + sofie, token, "{\"available\":false}");
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(Json.parse(coordinator.get("/api/leaders/" + sofie)).get("available").asBoolean()).isFalse();

        assertThat(service.api("PATCH", "/api/leaders/" + emil, token, "{\"available\":false}").statusCode()).isEqualTo(403);
        assertThat(service.api("PATCH", "/api/leaders/" + sofie, token, "{\"name\":\"Someone Else\"}").statusCode())
                .as("a leader account changes only its availability").isEqualTo(403);
        assertThat(Json.parse(coordinator.get("/api/leaders/" + emil)).get("available").asBoolean()).isTrue();
        assertThat(Json.parse(coordinator.get("/api/leaders/" + sofie)).get("name").asText()).isEqualTo("Sofie Lund");
    }

    @Test
    void aLeaderSeesTheRotaAsOnItsPageButChangesNothingInIt() throws Exception {
        String token = coordinator.leaderAccount(sofie, "sofie.rota@example.org", PASSWORD);
        coordinator.shift(emil, java.time.Instant.parse("2026-12-07T16:00:00Z"), java.time.Instant.parse("2026-12-07T20:00:00Z"));
        String window = "?from=2026-12-07T00:00:00%2B01:00&to=2026-12-08T00:00:00%2B01:00";

        var shifts = service.api("GET", "/api/shifts" + window, token, null);
        assertThat(shifts.statusCode()).isEqualTo(200);
        assertThat(Json.parse(shifts).get(0).get("leaderName").asText()).isEqualTo("Emil Dahl");
        assertThat(service.api("GET", "/api/rota/gaps" + window, token, null).statusCode()).isEqualTo(200);
        long shift = Json.parse(shifts).get(0).get("id").asLong();
        assertThat(service.api("PATCH", "/api/shifts/" + shift, token, "{\"leaderId\":" + sofie + "}").statusCode())
                .isEqualTo(403);
        assertThat(service.api("POST", "/api/shifts", token, "{\"leaderId\":" + sofie
                + ",\"start\":\"2026-12-08T17:00:00+01:00\",\"end\":\"2026-12-08T21:00:00+01:00\"}").statusCode()).isEqualTo(403);
        assertThat(Json.parse(coordinator.get("/api/shifts" + window)).get(0).get("leaderName").asText()).isEqualTo("Emil Dahl");
    }

    @Test
    void signingOutOfTheApiEndsTheTokenAtOnce() throws Exception {
        String token = coordinator.leaderAccount(sofie, "sofie.out@example.org", PASSWORD);
        String other = "Bearer " + Json.parse(service.api("POST", "/api/tokens", TestService.basic("sofie.out@example.org", PASSWORD), null))
                .get("token").asText();

        assertThat(service.api("DELETE", "/api/tokens/current", token, null).statusCode()).isEqualTo(204);

        assertThat(service.api("GET", "/api/me", token, null).statusCode()).isEqualTo(401);
        assertThat(service.api("GET", "/api/me", other, null).statusCode()).as("only the token signed out with").isEqualTo(200);
    }

    @Test
    void aLeaderChangesItsOwnPasswordAndItsOldTokenStopsWorking() throws Exception {
        String token = coordinator.leaderAccount(emil, "emil@example.org", PASSWORD);

        var wrong = service.api("POST", "/api/me/password", token,
                "{\"current\":\"not-the-password\",\"password\":\"another-long-password\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Json.parse(wrong).get("field").asText()).isEqualTo("current");

        var changed = service.api("POST", "/api/me/password", token,
                "{\"current\":\"" + PASSWORD + "\",\"password\":\"another-long-password\"}");
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(service.api("GET", "/api/me", token, null).statusCode()).as("every token of the account ends").isEqualTo(401);
        assertThat(service.api("POST", "/api/tokens", TestService.basic("emil@example.org", "another-long-password"), null)
                .statusCode()).isEqualTo(201);
    }
}
