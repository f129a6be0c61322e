package dk.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dk.hotline.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
        String token = Json.text(Json.parse(created), "token");

        var leaders = service.api("GET", "/api/leaders", "Bearer " + token, null);

        assertThat(leaders.statusCode()).isEqualTo(200);
        assertThat(Json.parse(leaders).isArray()).isTrue();
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
        assertThat(Json.text(Json.parse(response), "error")).isNotBlank();
    }

    @Test
    void parallelWrongGuessesCannotOutrunTheThrottle() throws Exception {
        String email = "parallel@example.org";
        var pool = Executors.newFixedThreadPool(30);
        try {
            var go = new CountDownLatch(1);
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 30; i++) {
                String guess = "parallel-guess-" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return service.api("POST", "/api/tokens", TestService.basic(email, guess), null).statusCode();
                }));
            }
            go.countDown();
            var statuses = new ArrayList<Integer>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }

            // Then one by one: these are checked until the count reaches maxFailures, and refused after.
            for (int i = 0; i < 4; i++) {
                statuses.add(service.api("POST", "/api/tokens", TestService.basic(email, "sequential-guess-" + i), null).statusCode());
            }

            // maxFailures is 3 here: only three guesses, of all 34, may ever reach the password check.
            assertThat(statuses).containsOnly(401, 429);
            assertThat(statuses).filteredOn(status -> status == 401).hasSizeLessThanOrEqualTo(3);
            assertThat(statuses.get(statuses.size() - 1)).isEqualTo(429);
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> malformedCredentials() {
        return List.of(
                "Basic !!!not-base64!!!",
                "Basic " + Base64.getEncoder().encodeToString("no-colon-here".getBytes(StandardCharsets.UTF_8)),
                "Basic ",
                "Digest username=\"x\"");
    }

    @ParameterizedTest
    @MethodSource("malformedCredentials")
    void malformedBasicCredentialsAre401(String header) {
        var response = service.api("POST", "/api/tokens", header, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void passwordLongerThanBcryptReadsIs401() {
        // bcrypt reads 72 bytes at most and throws on more; no account can have such a password.
        var response = service.api("POST", "/api/tokens", TestService.basic("long@example.org", "ø".repeat(40)), null);

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
