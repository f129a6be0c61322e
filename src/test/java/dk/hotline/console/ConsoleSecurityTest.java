package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's doors, over plain HTTP as an attacker would try them: cookies a script cannot read
 * and another site cannot send, a new session at every sign-in, forms refused without their token
 * (and nothing changed), sessions that end when idle, and the headers on every page.
 */
class ConsoleSecurityTest {
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.now());
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private TestService service;

    @BeforeEach
    void start() {
        twilio.start();
        service = TestService.startWithClock(twilio.baseUrl(), clock);
    }

    @AfterEach
    void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        var login = get("/login", Map.of());

        assertThat(login.statusCode()).isEqualTo(200);
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).as("the public URL is https").isPresent();
        assertThat(login.body()).as("no inline script on a page").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
    }

    @Test
    void noPageNorApiAnswerIsKeptInTheBrowsersCacheButOurOwnFilesAre() throws Exception {
        var session = signIn();

        // A coordinator's laptop may be shared: Back, or the cache on disk, must not show the page again.
        for (String path : List.of("/", "/leaders", "/groups", "/rota", "/login")) {
            assertThat(get(path, session.cookies()).headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
        assertThat(get("/api/leaders", Map.of()).headers().firstValue("Cache-Control")).as("even a refusal").hasValue("no-store");
        assertThat(get("/assets/console.css", Map.of()).headers().firstValue("Cache-Control"))
                .as("the style sheet may be kept").isNotEqualTo(java.util.Optional.of("no-store"));
    }

    @Test
    void signingInMakesANewSessionInACookieScriptsCannotReadNorOtherSitesSend() throws Exception {
        var first = signIn();
        var second = signIn();

        String cookie = first.setCookie("hotline_session");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Secure");
        assertThat(first.value("hotline_session")).isNotEqualTo(second.value("hotline_session"));
        assertThat(get("/", first.cookies()).statusCode()).isEqualTo(200);
    }

    @Test
    void aSignInPostedWithoutItsTokenIsRefused() throws Exception {
        var form = get("/login", Map.of());
        var cookies = cookies(form);

        var refused = post("/login", cookies, Map.of("email", TestConfig.ADMIN_EMAIL, "password", TestConfig.ADMIN_PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("hotline_session="));
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefusedAndChangesNothing() throws Exception {
        var session = signIn();
        String newPassword = "another-long-password";

        var refused = post("/account/password", session.cookies(), Map.of("current", TestConfig.ADMIN_PASSWORD,
                "password", newPassword, "repeat", newPassword));
        var wrongToken = post("/account/password", session.cookies(), Map.of("csrf", "not-the-token",
                "current", TestConfig.ADMIN_PASSWORD, "password", newPassword, "repeat", newPassword));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(get("/", session.cookies()).statusCode()).as("still signed in: nothing changed").isEqualTo(200);
        assertThat(signIn().value("hotline_session")).as("the old password still works").isNotBlank();
    }

    @Test
    void aSessionEndsAfterHalfAnHourWithoutARequest() throws Exception {
        var session = signIn();
        clock.advance(Duration.ofMinutes(20));
        assertThat(get("/", session.cookies()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(20));
        assertThat(get("/", session.cookies()).statusCode()).as("20 minutes after the last request").isEqualTo(200);

        clock.advance(Duration.ofMinutes(31));
        var ended = get("/", session.cookies());

        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ended.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        var session = signIn();
        String token = csrf(get("/", session.cookies()).body());

        var out = post("/logout", session.cookies(), Map.of("csrf", token));

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(get("/", session.cookies()).statusCode()).isEqualTo(303);
    }

    /** A sign-in as the browser makes it: the form, its token, the post. */
    private SignedIn signIn() throws Exception {
        var form = get("/login", Map.of());
        var cookies = cookies(form);
        var done = post("/login", cookies, Map.of("csrf", csrf(form.body()), "email", TestConfig.ADMIN_EMAIL,
                "password", TestConfig.ADMIN_PASSWORD));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        return new SignedIn(done);
    }

    private record SignedIn(HttpResponse<String> response) {
        String setCookie(String name) {
            return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                    .findFirst().orElseThrow();
        }

        String value(String name) {
            return setCookie(name).substring(name.length() + 1).split(";", 2)[0];
        }

        Map<String, String> cookies() {
            return Map.of("hotline_session", value("hotline_session"));
        }
    }

    private static Map<String, String> cookies(HttpResponse<String> response) {
        var out = new LinkedHashMap<String, String>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            out.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return out;
    }

    private static String csrf(String html) {
        var m = HIDDEN_CSRF.matcher(html);
        assertThat(m.find()).as("the page has a form with its token").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path, Map<String, String> cookies) throws Exception {
        return http.send(request(path, cookies).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> cookies, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return http.send(request(path, cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, Map<String, String> cookies) {
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
