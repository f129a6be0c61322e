package dk.hotline.web;

import dk.hotline.web.AuthSettings;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.Json;
import dk.hotline.testing.LogCapture;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sign-in under pressure: floods of checks, and instances starting together. */
class SignInLimitsTest {
    private static final AuthSettings AUTH = new AuthSettings(Duration.ofHours(12), 5, Duration.ofSeconds(30),
            Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofDays(2));
    private static final String EMAIL = "koordinator@example.org";
    private static final String PASSWORD = "a-long-test-password";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final MigratedDatabase db = new MigratedDatabase();

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void signInIsBusyWhileEveryPasswordCheckIsTakenAndCountsNothing() {
        var noFreeCheck = new Semaphore(0);
        new Accounts(db.jdbi(), AUTH, clock).bootstrap(Optional.of(EMAIL), Optional.of(PASSWORD));
        var passwords = new PasswordCheck(db.jdbi(), AUTH, clock, noFreeCheck);

        assertThat(passwords.signIn(EMAIL, PASSWORD)).isInstanceOf(PasswordCheck.SignIn.Busy.class);
        assertThat(throttleRows()).as("a turned-away attempt is not held against the address").isZero();

        noFreeCheck.release();
        assertThat(passwords.signIn(EMAIL, PASSWORD)).isInstanceOf(PasswordCheck.SignIn.Verified.class);
        assertThat(passwords.signIn(EMAIL, "wrong-password")).as("the check is given back after each sign-in")
                .isInstanceOf(PasswordCheck.SignIn.Refused.class);
        assertThat(passwords.signIn(EMAIL, PASSWORD)).isInstanceOf(PasswordCheck.SignIn.Verified.class);
    }

    @Test
    void busySignInIsAnswered429WithRetryAfter() throws Exception {
        var passwords = new PasswordCheck(db.jdbi(), AUTH, clock, new Semaphore(0));
        var app = Javalin.create(config -> {
            ErrorMapping.register(config, new Pages(URI.create("http://localhost"), List.of()));
            config.routes.post("/api/tokens", new TokenHandler(passwords, new ApiTokens(db.jdbi(), AUTH, clock)));
        }).start(0);
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + app.port() + "/api/tokens"))
                    .header("Authorization", TestService.basic(EMAIL, PASSWORD))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(Json.text(Json.parse(response), "error")).isNotBlank();
        } finally {
            app.stop();
        }
    }

    @Test
    void onlyTheInstanceThatCreatedTheFirstCoordinatorLogsItsGeneratedPassword() throws Exception {
        var second = new Accounts(db.jdbi(), AUTH, clock);
        var pool = Executors.newSingleThreadExecutor();
        try (var logs = new LogCapture(); var first = db.jdbi().open()) {
            // The first instance has inserted the account and not yet committed, as when both start at once.
            first.begin();
            first.attach(AccountDao.class).create("admin@hotline.local", "first-instance-hash", "coordinator", null,
                    clock.instant());
            var secondStart = pool.submit(() -> second.bootstrap(Optional.empty(), Optional.empty()));
            Await.until("the second instance's insert waits for the first's", Duration.ofSeconds(30), this::someoneWaitsForALock);
            first.commit();
            secondStart.get();

            assertThat(logs.lines()).as("a password that does not open the account must not be printed")
                    .noneMatch(line -> line.contains("password="));
        } finally {
            pool.shutdownNow();
        }
        String hash = db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM accounts").mapTo(String.class).one());
        assertThat(hash).isEqualTo("first-instance-hash");
    }

    private int throttleRows() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM login_throttle").mapTo(Integer.class).one());
    }

    private boolean someoneWaitsForALock() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) > 0 FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'""").mapTo(Boolean.class).one());
    }
}
