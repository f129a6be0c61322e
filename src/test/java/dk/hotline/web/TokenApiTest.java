package dk.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenApiTest {
    private static TestService service;

    @BeforeAll
    static void start() {
        // Three failures before a pause, so the lock-out test stays short.
        service = TestService.start("http://127.0.0.1:9", env -> {
            env.put("HOTLINE_AUTH_MAX_FAILURES", "3");
            return env;
        }, java.time.Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void adminCredentialsGiveATokenThatOpensTheApi() {
        var created = service.api("POST", "/api/tokens", TestService.basic(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD), null);
        assertThat(created.statusCode()).isEqualTo(201);
        String token = created.body().replaceFirst("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        var leaders = service.api("GET", "/api/leaders", "Bearer " + token, null);

        assertThat(leaders.statusCode()).isEqualTo(200);
        assertThat(leaders.body()).startsWith("[");
    }

    @Test
    void emailIsMatchedWithoutRegardToCase() {
        var created = service.api("POST", "/api/tokens",
                TestService.basic(TestConfig.ADMIN_EMAIL.toUpperCase(), TestConfig.ADMIN_PASSWORD), null);

        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    void apiWithoutATokenIs401() {
        assertThat(service.api("GET", "/api/leaders", null, null).statusCode()).isEqualTo(401);
        assertThat(service.api("GET", "/api/leaders", "Bearer not-a-token", null).statusCode()).isEqualTo(401);
        assertThat(service.api("GET", "/api/leaders", TestService.basic(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD), null)
                .statusCode()).isEqualTo(401);
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        String bearer = service.bearer();
        String token = bearer.substring("Bearer ".length());

        boolean storedInClear = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) > 0 FROM api_tokens WHERE encode(token_hash, 'escape') LIKE '%' || :t || '%'")
                .bind("t", token).mapTo(Boolean.class).one());
        assertThat(storedInClear).isFalse();
    }

    @Test
    void wrongPasswordIs401AndRepeatedFailuresAreSlowedDown() {
        String email = "someone@example.org";
        for (int i = 0; i < 3; i++) {
            var refused = service.api("POST", "/api/tokens", TestService.basic(email, "wrong-password-" + i), null);
            assertThat(refused.statusCode()).isEqualTo(401);
        }

        var blocked = service.api("POST", "/api/tokens", TestService.basic(email, "wrong-password-x"), null);

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void unknownAddressesAreThrottledLikeKnownOnes() {
        // Otherwise a 429 would tell a prober which addresses have accounts.
        var otherAdmin = "koordinator2@example.org";
        for (int i = 0; i < 3; i++) {
            service.api("POST", "/api/tokens", TestService.basic(otherAdmin, "nope-" + i), null);
        }
        var blocked = service.api("POST", "/api/tokens", TestService.basic(otherAdmin, TestConfig.ADMIN_PASSWORD), null);
        assertThat(blocked.statusCode()).isEqualTo(429);
    }

    @Test
    void missingCredentialsAskForBasicAuth() {
        var response = service.api("POST", "/api/tokens", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(response.body()).contains("\"error\"");
    }
}
