package dk.hotline.web;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Await;
import dk.hotline.testing.TestService;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** While the database cannot be reached, a client is told so, and when to try again: 503, not 500. */
class DatabaseOutageTest {
    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private TestService service;

    @BeforeEach
    void start() {
        twilio.start();
        service = TestService.start(twilio.baseUrl());
    }

    @AfterEach
    void stop() {
        service.databaseAcceptsConnections(true);
        service.close();
        twilio.stop();
    }

    @Test
    void theApiAnswers503WithRetryAfterWhileTheDatabaseIsDownAndWorksAgainAfter() throws Exception {
        String bearer = service.bearer();
        service.databaseAcceptsConnections(false);

        var down = service.api("GET", "/api/leaders", bearer, null);

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(new ObjectMapper().readTree(down.body()).get("error").asText()).contains("database");

        service.databaseAcceptsConnections(true);
        // The pool drops each connection the outage cut as it meets it: a moment, not a restart.
        Await.until("the API answers again", Duration.ofSeconds(30),
                () -> service.api("GET", "/api/leaders", bearer, null).statusCode() == 200);
    }

    @Test
    void healthAnswers503WithinTwoSecondsOrSoWhileTheDatabaseIsDownAnd200After() {
        assertThat(service.get("/health").statusCode()).isEqualTo(200);
        service.databaseAcceptsConnections(false);

        // A load balancer or monitor asks with a short timeout of its own: a slow "down" reads as
        // the instance hanging. The pool gives up on a new connection after 2 s. The first asks
        // meet the connections the outage ended, which fail at once; the later ones wait on new ones.
        service.get("/health");
        service.get("/health");
        long started = System.nanoTime();
        var down = service.get("/health");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(took).isLessThan(Duration.ofMillis(3_000));

        service.databaseAcceptsConnections(true);
        Await.until("/health answers 200 again", Duration.ofSeconds(30), () -> service.get("/health").statusCode() == 200);
    }
}
