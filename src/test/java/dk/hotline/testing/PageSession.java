package dk.hotline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A console session over plain HTTP, as a browser without JavaScript has it: signed in through
 * the form, its cookie, and the CSRF token its pages carry; redirects are not followed, so a test
 * sees each 303.
 */
public final class PageSession {
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final java.util.function.Function<String, java.net.URI> uris;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    private PageSession(java.util.function.Function<String, java.net.URI> uris) {
        this.uris = uris;
    }

    /** Signs in with the form, as a person would; fails unless it works. */
    public static PageSession signIn(TestService service, String email, String password) {
        return signIn(service::uri, email, password);
    }

    /** As {@link #signIn(TestService, String, String)}, to a service at {@code baseUrl} (a packaged jar's process). */
    public static PageSession signIn(String baseUrl, String email, String password) {
        return signIn(path -> java.net.URI.create(baseUrl + path), email, password);
    }

    private static PageSession signIn(java.util.function.Function<String, java.net.URI> uris, String email, String password) {
        var session = new PageSession(uris);
        var form = session.get("/login");
        var done = session.post("/login", Map.of("csrf", csrf(form.body()), "email", email, "password", password));
        if (done.statusCode() != 303) {
            throw new AssertionError("sign-in as " + email + " answered " + done.statusCode());
        }
        session.csrf = csrf(session.get("/account").body());
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** Posts a form with the session's token, as the page's own form would. */
    public HttpResponse<String> submit(String path, Map<String, String> form) {
        var withToken = new LinkedHashMap<>(form);
        withToken.put("csrf", csrf);
        return post(path, withToken);
    }

    /** As {@link #submit}, as htmx sends it: the token in its header, and {@code HX-Request}. */
    public HttpResponse<String> htmx(String path, Map<String, String> form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Posts exactly {@code form}: without a token unless it holds one. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    private HttpRequest.Builder request(String path) {
        var request = HttpRequest.newBuilder(uris.apply(path));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String csrf(String html) {
        var m = HIDDEN_CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("the page has no form with a token");
        }
        return m.group(1);
    }
}
