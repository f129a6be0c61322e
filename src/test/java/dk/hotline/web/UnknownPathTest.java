package dk.hotline.web;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.TestService;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A path nobody serves is a plain 404 that does not repeat the path: a path may hold a number. */
class UnknownPathTest {
    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private TestService service;

    @BeforeEach
    void start() {
        twilio.start();
        service = TestService.start(twilio.baseUrl());
    }

    @AfterEach
    void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void aPathWithANumberInItIsNotEchoed() throws Exception {
        // Past the test service's own client, whose OpenAPI check refuses paths the API does not have.
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.uri("/api/subject/+4520123456"))
                .header("Authorization", service.bearer()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new ObjectMapper().readTree(response.body()).get("error").asText()).isEqualTo("not found");
        assertThat(response.body()).as("never the number, in any form").doesNotContain("20123456");
    }
}
