package dk.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.testing.OpenApiContract;
import dk.hotline.testing.TestService;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is served, open, and describes operations that exist. That the answers
 * match it is checked on every request the suite makes ({@link OpenApiContract}); the last tests
 * here show that check does fail when an answer and the document part.
 */
class OpenApiDocumentTest {
    /** Open without a token, so not asked for one below. */
    private static final List<String> OPEN = List.of("POST /api/tokens", "GET /api/openapi.json", "GET /health");

    private static TestService service;
    private static String bearer;

    @BeforeAll
    static void start() {
        service = TestService.start("http://127.0.0.1:9");
        bearer = service.bearer();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theDocumentIsServedWithoutATokenAsOpenApi31() throws Exception {
        var response = service.api("GET", "/api/openapi.json", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        var served = new ObjectMapper().readTree(response.body());
        assertThat(served.path("openapi").asText()).isEqualTo("3.1.0");
        try (InputStream file = getClass().getResourceAsStream("/openapi.json")) {
            assertThat(served).as("what is served is src/main/resources/openapi.json").isEqualTo(new ObjectMapper().readTree(file));
        }
    }

    @Test
    void everyDocumentedOperationAsksForAToken() {
        var operations = OpenApiContract.operations().stream().filter(o -> !OPEN.contains(o)).toList();
        assertThat(operations).hasSizeGreaterThan(30);

        for (String operation : operations) {
            String[] parts = operation.split(" ", 2);
            var response = service.api(parts[0], withIds(parts[1]), null, null);

            assertThat(response.statusCode()).as(operation).isEqualTo(401);
        }
    }

    /**
     * The token check runs before routing, so an unknown {@code /api} path is a 401 without a token:
     * that alone would not catch a documented path that does not exist. With a token, each
     * documented operation (ids that match nothing, no body) must reach a handler: whatever it
     * answers, it is not the router's own 404.
     */
    @Test
    void everyDocumentedOperationIsRouted() throws Exception {
        var http = HttpClient.newHttpClient();
        // Outside the contract check on purpose: this path is undocumented because it does not exist.
        var unrouted = http.send(HttpRequest.newBuilder(service.uri("/api/no-such-resource")).header("Authorization", bearer)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unrouted.statusCode()).isEqualTo(404);
        // The router's 404 may name the method and path it did not find.
        String routerSays = unrouted.body().replace("GET /api/no-such-resource", "%1$s %2$s");

        for (String operation : OpenApiContract.operations()) {
            if (operation.equals("POST /api/tokens")) {
                continue;
            }
            String[] parts = operation.split(" ", 2);
            String path = withIds(parts[1]);
            var response = service.api(parts[0], path, bearer, null);

            assertThat(response.statusCode() == 404 && response.body().equals(String.format(routerSays, parts[0], path)))
                    .as("%s reaches a handler (answered %d)", operation, response.statusCode()).isFalse();
        }
    }

    @Test
    void anAnswerWithARenamedFieldFailsTheCheck() {
        String leader = "{\"id\":7,\"fullName\":\"Maja\",\"phone\":\"+45 •••• ••33\",\"languages\":[\"da\"],"
                + "\"active\":true,\"available\":true}";

        assertThatThrownBy(() -> OpenApiContract.check("GET", URI.create("http://localhost/api/leaders/7"), 200,
                Optional.of("application/json"), leader))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/leaders/{id} answered 200")
                .hasMessageContaining("$ fails additionalProperties 'fullName'")
                .hasMessageContaining("$ fails required 'name'")
                .hasMessageNotContaining("Maja");
    }

    @Test
    void aNumberInClearWhereTheDocumentSaysMaskedFailsTheCheck() {
        String record = "[{\"kind\":\"sms\",\"to\":\"+4520112233\",\"content\":\"x\",\"at\":\"2027-03-28T15:00:00Z\",\"sid\":\"SM1\"}]";

        assertThatThrownBy(() -> OpenApiContract.check("GET", URI.create("http://localhost/api/dry-run"), 200,
                Optional.of("application/json"), record))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("$[0].to fails pattern")
                .hasMessageNotContaining("20112233");
    }

    @Test
    void anUndocumentedStatusOrPathFailsTheCheck() {
        assertThatThrownBy(() -> OpenApiContract.check("DELETE", URI.create("http://localhost/api/leaders/7"), 202,
                Optional.empty(), "")).hasMessageContaining("DELETE /api/leaders/{id} answered 202: status not documented");
        assertThatThrownBy(() -> OpenApiContract.check("GET", URI.create("http://localhost/api/callers/+4520112233"), 200,
                Optional.of("application/json"), "[]")).hasMessageContaining("GET /api/callers/••• answered 200: no such operation")
                .hasMessageNotContaining("20112233");
    }

    @Test
    void aWellFormedAnswerPasses() {
        String leader = "{\"id\":7,\"name\":\"Maja\",\"phone\":\"+45 •••• ••33\",\"languages\":[\"da\"],"
                + "\"active\":true,\"available\":true}";

        OpenApiContract.check("GET", URI.create("http://localhost/api/leaders/7"), 200, Optional.of("application/json"), leader);
        OpenApiContract.check("GET", URI.create("http://localhost/twilio/voice"), 200, Optional.of("text/xml"), "<Response/>");
    }

    /** A path with every {@code {param}} set to 0, which matches no stored row. */
    private static String withIds(String template) {
        return template.replaceAll("\\{[^}]+}", "0");
    }
}
