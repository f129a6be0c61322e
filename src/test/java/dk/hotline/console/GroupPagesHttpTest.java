package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Coordinator;
import dk.hotline.testing.HotlineFixture;
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

/**
 * The group pages over plain HTTP, where a browser adds nothing: a leader account is refused every
 * one of them, a form posted without its token changes nothing, and each refusal has its status
 * (400 bad input, 409 a conflict) while the page says what it was. Times typed in a form are the
 * rota zone's, also on the nights the clocks change.
 */
class GroupPagesHttpTest {
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-03-17T10:00:00Z"));
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static HotlineFixture hotline;
    private static TestService service;
    private static Coordinator coordinator;
    private static long maja;
    private static long group;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        service = hotline.service();
        coordinator = hotline.coordinator();
        maja = coordinator.leader("Maja Holm");
        group = coordinator.group("Torsdagsgruppen", "Torsdagsholdet", maja, "2027-03-25T17:00:00+01:00", 2);
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void aLeaderAccountIsRefusedEveryGroupPageAndDoesNotSeeThemInItsMenu() throws Exception {
        var account = coordinator.post("/api/accounts", "{\"email\":\"maja@example.org\",\"password\":\"a-long-leader-password\","
                + "\"role\":\"leader\",\"leaderId\":" + maja + "}");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        var leader = signIn("maja@example.org", "a-long-leader-password");
        long session = coordinator.sessions(group).get(0);

        for (String path : new String[] {"/groups", "/groups/" + group, "/groups/interest",
                "/groups/" + group + "/sessions/" + session + "/move", "/groups/" + group + "/sessions/" + session + "/cancel"}) {
            assertThat(get(path, leader).statusCode()).as(path).isEqualTo(403);
        }
        var today = get("/", leader);
        assertThat(today.body()).doesNotContain("href=\"/groups\"");
        int groups = groups();
        var create = post("/groups", leader, Map.of("csrf", csrf(today.body()), "name", "Ny", "smsName", "Nyholdet",
                "location", "Kbh", "leaderId", String.valueOf(maja), "firstSession", "2027-04-01T17:00"));
        var cancel = post("/groups/" + group + "/sessions/" + session + "/cancel", leader, Map.of("csrf", csrf(today.body())));
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(cancel.statusCode()).isEqualTo(403);
        assertThat(groups()).as("nothing created").isEqualTo(groups);
        assertThat(status(session)).as("nothing cancelled").isEqualTo("scheduled");
    }

    @Test
    void formsPostedWithoutTheirTokenAreRefusedAndChangeNothing() throws Exception {
        var session = signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        long first = coordinator.sessions(group).get(0);
        int groups = groups();

        var create = post("/groups", session, Map.of("name", "Ny", "smsName", "Nyholdet", "location", "Kbh",
                "leaderId", String.valueOf(maja), "firstSession", "2027-04-01T17:00"));
        var add = post("/groups/" + group + "/participants", session, Map.of("csrf", "not-the-token", "name", "Eva",
                "phone", "+4534000001", "smsConsent", "true"));
        var cancel = post("/groups/" + group + "/sessions/" + first + "/cancel", session, Map.of());

        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(add.statusCode()).isEqualTo(403);
        assertThat(cancel.statusCode()).isEqualTo(403);
        assertThat(groups()).isEqualTo(groups);
        assertThat(Json.field(Json.parse(coordinator.get("/api/groups/" + group)), "members").size()).isZero();
        assertThat(status(first)).isEqualTo("scheduled");
    }

    @Test
    void refusalsAreAnsweredWithTheirStatusAndThePageAgainWithTheError() throws Exception {
        var session = signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        String token = csrf(get("/groups", session).body());

        var revealing = post("/groups", session, form(token, "Gruppe for ofre for vold", "2027-04-01T17:00"));
        assertThat(revealing.statusCode()).isEqualTo(400);
        assertThat(revealing.body()).contains("class=\"error-summary\"").contains("href=\"#smsName\"").contains("»vold«");
        var disguised = post("/groups", session, form(token, "Gruppe mod V.\u00d3.l.d", "2027-04-01T17:00"));
        assertThat(disguised.statusCode()).isEqualTo(400);
        assertThat(disguised.body()).contains("href=\"#smsName\"").contains("»vold«");

        long full = coordinator.group("Lillegruppen", "Lilleholdet", maja, "2027-03-22T17:00:00+01:00", 2, 1).get("id").asLong();
        coordinator.participant(full, "Eva", "+4534000002", true, null);
        var seventh = post("/groups/" + full + "/participants", session, Map.of("csrf", token, "name", "Frida",
                "phone", "+4534000003", "smsConsent", "false", "language", "da"));
        assertThat(seventh.statusCode()).isEqualTo(409);
        assertThat(seventh.body()).contains("Gruppen er fuld: den ene plads er taget.").contains("value=\"Frida\"");

        long first = coordinator.sessions(group).get(0);
        var past = post("/groups/" + group + "/sessions/" + first + "/move", session, Map.of("csrf", token, "start", "2027-03-16T17:00"));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("Den nye tid skal ligge i fremtiden.");
        assertThat(status(first)).isEqualTo("scheduled");
    }

    @Test
    void aTimeTheClocksSkipIsRefusedAndOneTheyPassTwiceIsTheFirst() throws Exception {
        var session = signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        String token = csrf(get("/groups", session).body());

        var skipped = post("/groups", session, form(token, "Natholdet", "2027-03-28T02:30"));
        assertThat(skipped.statusCode()).isEqualTo(400);
        assertThat(skipped.body()).contains("Det klokkeslæt findes ikke den dag, fordi uret stilles frem.");

        var twice = post("/groups", session, form(token, "Natholdet", "2027-10-31T02:30"));
        assertThat(twice.statusCode()).isEqualTo(303);
        String location = twice.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/groups/\\d+\\?done=created");
        long id = Long.parseLong(location.replaceAll("\\D+", " ").trim().split(" ")[0]);
        var sessions = Json.elements(Json.field(Json.parse(coordinator.get("/api/groups/" + id)), "sessions"));
        assertThat(sessions).extracting(s -> Json.text(s, "start"))
                .containsExactly("2027-10-31T02:30:00+02:00", "2027-11-07T02:30:00+01:00");
    }

    private static Map<String, String> form(String token, String smsName, String firstSession) {
        var form = new LinkedHashMap<String, String>();
        form.put("csrf", token);
        form.put("name", "Ny gruppe");
        form.put("smsName", smsName);
        form.put("location", "Kbh");
        form.put("leaderId", String.valueOf(maja));
        form.put("firstSession", firstSession);
        form.put("weeks", "2");
        form.put("durationMinutes", "60");
        form.put("capacity", "6");
        return form;
    }

    private static int groups() {
        return Json.elements(coordinator.get("/api/groups")).size();
    }

    private static String status(long session) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT status FROM group_sessions WHERE id = :id")
                .bind("id", session).mapTo(String.class).one());
    }

    /** Signs in through the form and returns the session cookie. */
    private static Map<String, String> signIn(String email, String password) throws Exception {
        var page = get("/login", Map.of());
        var cookies = new LinkedHashMap<String, String>();
        for (String header : page.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        var done = post("/login", cookies, Map.of("csrf", csrf(page.body()), "email", email, "password", password));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        String cookie = done.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hotline_session="))
                .findFirst().orElseThrow();
        return Map.of("hotline_session", cookie.substring("hotline_session=".length()).split(";", 2)[0]);
    }

    private static String csrf(String html) {
        var m = HIDDEN_CSRF.matcher(html);
        assertThat(m.find()).as("the page has a form with its token").isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(String path, Map<String, String> cookies) throws Exception {
        return http.send(request(path, cookies).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Map<String, String> cookies, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return http.send(request(path, cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, Map<String, String> cookies) {
        var request = HttpRequest.newBuilder(service.uri(path));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
