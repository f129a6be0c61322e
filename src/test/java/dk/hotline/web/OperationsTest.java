package dk.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestService;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class OperationsTest {
    @Test
    void healthIsUpAndMetricsArePrometheusText() {
        try (var service = TestService.start("http://127.0.0.1:9")) {
            var health = service.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(Json.text(Json.parse(health), "status")).isEqualTo("up");
            assertThat(Json.text(Json.parse(health), "database")).isEqualTo("up");

            service.get("/health");
            var metrics = service.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(metrics.body()).contains("# TYPE").contains("hotline_http_requests").contains("route=\"/health\"")
                    .contains("hikaricp_connections").contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void healthIs503WhenTheDatabaseIsGone() throws Exception {
        var pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none");
        pool.setInitializationFailTimeout(-1);
        pool.setConnectionTimeout(500);
        var app = Javalin.create(c -> c.routes.get("/health", new HealthHandler(pool))).start(0);
        try {
            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(Json.text(Json.parse(response), "database")).isEqualTo("down");
        } finally {
            app.stop();
            pool.close();
        }
    }
}
