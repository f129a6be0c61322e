package dk.hotline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;

/** {@code GET /health}: 200 when this instance can use the database, 503 when it cannot. */
final class HealthHandler implements Handler {
    private final DataSource dataSource;

    HealthHandler(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void handle(Context ctx) {
        boolean up;
        try (Connection c = dataSource.getConnection()) {
            up = c.isValid(2);
        } catch (Exception e) {
            up = false;
        }
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "up" : "down", "database", up ? "up" : "down"));
    }
}
