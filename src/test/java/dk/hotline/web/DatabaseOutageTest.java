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
}
