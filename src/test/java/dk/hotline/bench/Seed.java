package dk.hotline.bench;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Puts leaders and shifts into the service under test: leaders through the JSON API, as a
 * coordinator makes them (their numbers are sealed by the service), the bulk of the shifts with
 * one INSERT (10,000 API calls would take longer than the benchmark itself).
 */
final class Seed {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final DatabaseUrl db;
    private final String bearer;

    Seed(String baseUrl, DatabaseUrl db, String email, String password) {
        this.baseUrl = baseUrl;
        this.db = db;
        String basic = "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.bearer = "Bearer " + field(api("POST", "/api/tokens", basic, null, 201), "\"token\"\\s*:\\s*\"([^\"]+)\"");
    }

    /** A Danish-speaking leader, via POST /api/leaders; returns the id. */
    long leader(int n) {
        String body = "{\"name\":\"Leder " + n + "\",\"phone\":\"+4521" + String.format(Locale.ROOT, "%06d", n)
                + "\",\"languages\":[\"da\"]}";
        return Long.parseLong(field(api("POST", "/api/leaders", bearer, body, 201), ID.pattern()));
    }

    /** A shift from an hour ago to three hours ahead, via POST /api/shifts. */
    void onCallNow(long leaderId) {
        Instant now = Instant.now();
        api("POST", "/api/shifts", bearer, "{\"leaderId\":" + leaderId + ",\"start\":\"" + now.minusSeconds(3600)
                + "\",\"end\":\"" + now.plusSeconds(3 * 3600) + "\"}", 201);
    }

    /**
     * Fills the rota to {@code perLeader} shifts for every leader: each on call now (unless it has a
     * shift already) and otherwise one 8-hour shift every 3.5 days, half in the past year, half in
     * the next. Returns the number of shifts in the table.
     */
    long shifts(int perLeader) {
        int before = perLeader / 2;
        try (var c = LocalDatabase.connect(db); var st = c.createStatement()) {
            st.executeUpdate(String.format(Locale.ROOT, """
                    INSERT INTO shifts (leader_id, starts_at, ends_at, created_at)
                    SELECT l.id, now() - interval '1 hour' + k * interval '84 hours',
                           now() - interval '1 hour' + k * interval '84 hours' + interval '8 hours', now()
                    FROM leaders l, generate_series(%d, %d) k
                    WHERE k <> 0 OR NOT EXISTS (SELECT 1 FROM shifts s WHERE s.leader_id = l.id AND s.starts_at <= now() AND s.ends_at > now())
                    """, -before, perLeader - before - 1));
            st.execute("ANALYZE shifts");
            try (var rs = st.executeQuery("SELECT count(*) FROM shifts")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not add shifts", e);
        }
    }

    String api(String method, String path, String authorization, String json, int expected) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String bearer() {
        return bearer;
    }

    private static String field(String json, String regex) {
        var m = Pattern.compile(regex).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + json);
        }
        return m.group(1);
    }
}
