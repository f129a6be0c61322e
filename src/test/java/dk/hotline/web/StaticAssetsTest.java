package dk.hotline.web;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.TestService;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The style sheet and scripts every page names reach the browser, with the caching each may have. */
class StaticAssetsTest {
    private static final Pattern NAMED = Pattern.compile("(?:src|href)=\"(/(?:assets|webjars)/[^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
    void everyFileATemplateNamesIsServedWithItsType() throws Exception {
        try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
            var named = templates.filter(p -> p.toString().endsWith(".jte")).flatMap(StaticAssetsTest::namedFiles).toList();
            assertThat(named).isNotEmpty();
            for (String path : named) {
                var response = get(path, null);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.body()).as(path).isNotEmpty();
                assertThat(response.headers().firstValue("Content-Type")).as(path)
                        .hasValueSatisfying(type -> assertThat(type).startsWith(path.endsWith(".css") ? "text/css" : "text/javascript"));
            }
        }
    }

    @Test
    void htmxIsKeptAMonthAndTheConsolesOwnFilesAreRevalidated() throws Exception {
        var htmx = get("/webjars/htmx.org/2.0.8/dist/htmx.min.js", null);
        assertThat(htmx.headers().firstValue("Cache-Control")).hasValue("max-age=2592000");

        var css = get("/assets/console.css", null);
        String etag = css.headers().firstValue("ETag").orElseThrow();
        var again = get("/assets/console.css", etag);
        assertThat(again.statusCode()).as("unchanged since the browser's copy").isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aFileThatIsNotThereIsNotFound() throws Exception {
        assertThat(get("/assets/nothing.js", null).statusCode()).isEqualTo(404);
        assertThat(get("/assets/../application.yaml", null).statusCode()).isEqualTo(404);
    }

    private static Stream<String> namedFiles(Path template) {
        try {
            return NAMED.matcher(Files.readString(template)).results().map(m -> m.group(1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        var request = HttpRequest.newBuilder(service.uri(path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
