package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rota page over plain HTTP, where no browser is needed: a leader account may read but not
 * change, a form without its token changes nothing, and odd addresses get plain answers.
 */
class RotaPageHttpTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String WEEK = "?from=2026-12-14T00:00:00%2B01:00&to=2026-12-21T00:00:00%2B01:00";

    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static TestService service;
    private static Coordinator coordinator;
    private static long maja;
    private static long shift;
    private static long template;

    @BeforeAll
    static void start() {
        service = TestService.startWithClock("http://127.0.0.1:9", new MutableClock(Instant.parse("2026-12-02T10:00:00Z")));
        coordinator = new Coordinator(service);
        maja = coordinator.leader("Maja");
        var account = coordinator.post("/api/accounts", "{\"email\":\"maja@example.org\",\"password\":\"majas-long-password\","
                + "\"role\":\"leader\",\"leaderId\":" + maja + "}");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        shift = Json.id(coordinator.post("/api/shifts", "{\"leaderId\":" + maja
                + ",\"start\":\"2026-12-14T17:00:00+01:00\",\"end\":\"2026-12-14T21:00:00+01:00\"}"));
        template = Json.id(coordinator.post("/api/shift-templates", "{\"leaderId\":" + maja
                + ",\"weekday\":\"FRIDAY\",\"start\":\"10:00\",\"end\":\"12:00\"}"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/rota/shifts", "/rota/shifts/SHIFT/move", "/rota/shifts/SHIFT/hand-over",
            "/rota/shifts/SHIFT/delete", "/rota/templates", "/rota/templates/TEMPLATE/delete"})
    void aLeaderAccountReadsTheRotaButEveryPostIs403AndChangesNothing(String path) throws Exception {
        var leader = signIn("maja@example.org", "majas-long-password");
        var page = get("/rota?week=2026-W51", leader);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Maja").doesNotContain("action=\"/rota/shifts\"");

        var refused = post(path.replace("SHIFT", String.valueOf(shift)).replace("TEMPLATE", String.valueOf(template)), leader,
                Map.of("csrf", csrf(page.body()), "week", "2026-W51", "leaderId", String.valueOf(maja),
                        "weekday", "MONDAY", "start", "2026-12-15T17:00", "end", "2026-12-15T21:00"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/rota/shifts/SHIFT/delete", "/rota/shifts/SHIFT/move", "/rota/templates/TEMPLATE/delete"})
    void aCoordinatorsPostWithoutItsTokenIs403AndChangesNothing(String path) throws Exception {
        var session = signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);

        var refused = post(path.replace("SHIFT", String.valueOf(shift)).replace("TEMPLATE", String.valueOf(template)), session,
                Map.of("week", "2026-W51", "start", "2026-12-15T17:00", "end", "2026-12-15T21:00"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"/rota?week=2026-W53, 200", "/rota?week=2027-W53, 400", "/rota?week=next, 400", "/rota?week=2026-W5, 400",
            "/rota?week=2026-W52&shift=abc, 200", "/rota?week=2026-W52&done=%3Cb%3E, 200"})
    void oddAddressesGetPlainAnswers(String path, int status) throws Exception {
        var session = signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);

        var answer = get(path, session);

        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.body()).doesNotContain("<b>");
    }

    @Test
    void aMissingShiftOrTemplateIs404AndARefusedFormIs400Or409() throws Exception {
        var session = signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        String token = csrf(get("/rota", session).body());

        assertThat(post("/rota/shifts/999999/delete", session, Map.of("csrf", token)).statusCode()).isEqualTo(404);
        assertThat(post("/rota/templates/999999/delete", session, Map.of("csrf", token)).statusCode()).isEqualTo(404);
        assertThat(post("/rota/shifts/999999/hand-over", session, Map.of("csrf", token, "leaderId", String.valueOf(maja)))
                .statusCode()).isEqualTo(404);
        var clash = post("/rota/shifts", session, Map.of("csrf", token, "week", "2026-W51", "leaderId", String.valueOf(maja),
                "start", "2026-12-14T20:00", "end", "2026-12-14T22:00"));
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.body()).contains("href=\"#add-start\"").contains("value=\"2026-12-14T20:00\"");
        var blank = post("/rota/templates", session, Map.of("csrf", token, "leaderId", String.valueOf(maja), "weekday", ""));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("href=\"#template-weekday\"");
        assertUnchanged();
    }

    /** Maja's shift on Monday 14 December is where it was, and her Friday template still stands. */
    private static void assertUnchanged() {
        var shifts = Json.elements(coordinator.get("/api/shifts" + WEEK));
        assertThat(shifts).extracting(s -> Json.number(s, "id")).contains(shift);
        var monday = Json.withId(Json.parse(coordinator.get("/api/shifts" + WEEK)), shift);
        assertThat(Json.text(monday, "start")).isEqualTo("2026-12-14T17:00:00+01:00");
        assertThat(Json.text(monday, "end")).isEqualTo("2026-12-14T21:00:00+01:00");
        assertThat(Json.number(monday, "leaderId")).isEqualTo(maja);
        assertThat(shifts).as("no shift added on the 15th").noneMatch(s -> Json.text(s, "start").startsWith("2026-12-15"));
        assertThat(Json.ids(Json.parse(coordinator.get("/api/shift-templates")))).contains(template);
    }

    /** Signs in through the form as a browser would; the session's cookie. */
    private static String signIn(String email, String password) throws Exception {
        var form = get("/login", "");
        String cookies = form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        var done = post("/login", cookies, Map.of("csrf", csrf(form.body()), "email", email, "password", password));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        return done.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hotline_session="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
    }

    private static String csrf(String html) {
        var m = CSRF.matcher(html);
        assertThat(m.find()).as("the page has a form with its token").isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(service.uri(path)).GET();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws Exception {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(service.uri(path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
