package dk.hotline.testing;

import dk.hotline.app.Hotline;
import dk.hotline.common.Language;
import dk.hotline.db.DatabaseUrl;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The whole service started as {@code main} would start it, on its own database and any free
 * port, plus an HTTP client that talks to it as Twilio and coordinators do.
 */
public final class TestService implements AutoCloseable {
    private final DatabaseUrl db;
    private final Map<String, String> env;
    private final Hotline hotline;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Jdbi jdbi;
    private final Clock clock;
    /** Set once {@link #restart} has handed the database to a new instance, which drops it. */
    private boolean handedOver;

    private TestService(DatabaseUrl db, Map<String, String> env, Clock clock) {
        this.db = db;
        this.env = env;
        this.clock = clock;
        this.hotline = Hotline.start(TestConfig.load(env), clock);
        this.jdbi = Jdbi.create(() -> dk.hotline.db.LocalDatabase.connect(db))
                .installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    /** Starts on a new database; {@code twilioBase} is where the REST API is (a WireMock). */
    public static TestService start(String twilioBase) {
        return start(twilioBase, UnaryOperator.identity(), Clock.systemUTC());
    }

    /**
     * Starts with a clock the test moves. A clock that stands still would spend the per-second send
     * rate once and for all, and the coordinator's token must outlive the months it is moved through.
     */
    public static TestService startWithClock(String twilioBase, MutableClock clock) {
        return start(twilioBase, env -> {
            env.put("HOTLINE_OUTBOX_RATE", "1000");
            env.put("HOTLINE_AUTH_TOKEN_TTL", "P3650D");
            return env;
        }, clock);
    }

    public static TestService start(String twilioBase, UnaryOperator<Map<String, String>> adjust, Clock clock) {
        DatabaseUrl db = TestDatabases.create();
        try {
            return new TestService(db, adjust.apply(TestConfig.env(db, twilioBase)), clock);
        } catch (RuntimeException e) {
            TestDatabases.drop(db);
            throw e;
        }
    }

    /**
     * Stops this instance and starts a new one on the same database and data folder, with
     * {@code adjust} applied to a copy of its settings (a restart with other keys). Close the new one;
     * this one is done. When the new one fails to start, this one still drops the database on close.
     */
    public TestService restart(UnaryOperator<Map<String, String>> adjust) {
        hotline.close();
        handedOver = true;
        try {
            return new TestService(db, adjust.apply(new java.util.HashMap<>(env)), clock);
        } catch (RuntimeException e) {
            handedOver = false;
            throw e;
        }
    }

    /** A text from the service's flow files, as a survivor or leader would receive it. */
    public String text(String language, String key) {
        return dk.hotline.flows.FlowLoader.load(java.nio.file.Path.of(env.getOrDefault("HOTLINE_FLOWS", "flows")))
                .texts().byKey(Language.of(language), key);
    }

    /** Fires a scheduled job now through Quartz, as its trigger would, and returns when it has run. */
    public void runJob(Class<? extends org.quartz.Job> job) {
        hotline.runJob(job);
    }

    /** Stops the scheduled jobs (the minutely relay, the hourly checks), so that only requests write. */
    public void pauseJobs() {
        hotline.pauseJobs();
    }

    /** Fires a session's reminder now through Quartz, with the data its trigger holds, and returns when it has run. */
    public void fireReminder(long sessionId, java.time.Duration offset) {
        hotline.reminders().fireNow(sessionId, offset);
    }

    /** As {@link #fireReminder(long, java.time.Duration)}, for the trigger made for an earlier start of a moved session. */
    public void fireReminder(long sessionId, java.time.Duration offset, java.time.Instant start) {
        hotline.reminders().fireNow(sessionId, offset, start);
    }

    /** When the session's reminder trigger for this offset is set to fire, if one is scheduled. */
    public java.util.Optional<java.time.Instant> reminderScheduledAt(long sessionId, java.time.Duration offset) {
        return hotline.reminders().scheduledAt(sessionId, offset);
    }

    /** The environment the service was started with (to start a command against the same database). */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    public String publicUrl() {
        return env.get("HOTLINE_PUBLIC_URL");
    }

    public String authToken() {
        return env.get("TWILIO_AUTH_TOKEN");
    }

    /** Direct access to the service's database, for asserting what it stored. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** An outage: the service's database refuses connections ({@code false}) until it takes them again ({@code true}). */
    public void databaseAcceptsConnections(boolean accept) {
        TestDatabases.acceptConnections(db, accept);
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + hotline.port() + pathAndQuery);
    }

    /** POSTs a Twilio webhook signed as Twilio would sign it for the public URL. */
    public HttpResponse<String> twilio(String pathAndQuery, Map<String, String> form) {
        String signature = dk.hotline.twilio.TwilioSigner.sign(authToken(), publicUrl() + pathAndQuery, form);
        return postForm(pathAndQuery, form, Map.of("X-Twilio-Signature", signature));
    }

    public HttpResponse<String> postForm(String pathAndQuery, Map<String, String> form, Map<String, String> headers) {
        var body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A request with {@code Authorization} already set as given (or none when null). */
    public HttpResponse<String> api(String method, String pathAndQuery, String authorization, String json) {
        var request = HttpRequest.newBuilder(uri(pathAndQuery))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** Signs in as the bootstrap coordinator and returns "Bearer …". */
    public String bearer() {
        var response = api("POST", "/api/tokens", basic(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD), null);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return "Bearer " + Json.text(Json.parse(response), "token");
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            OpenApiContract.check(request, response);
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Twilio's call form for an incoming call. */
    public static Map<String, String> incomingCall(String callSid, String from) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", TestConfig.ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("CallSid", callSid);
        form.put("CallStatus", "ringing");
        form.put("Direction", "inbound");
        form.put("From", from);
        form.put("To", TestConfig.HOTLINE_NUMBER);
        form.put("Caller", from);
        form.put("Called", TestConfig.HOTLINE_NUMBER);
        return form;
    }

    /** Where this service keeps texts that came while its database was down. */
    public java.nio.file.Path smsSpool() {
        return java.nio.file.Path.of(env.get("HOTLINE_DATA_DIR"), "sms-spool");
    }

    @Override
    public void close() {
        hotline.close();
        if (handedOver) {
            return;
        }
        TestDatabases.drop(db);
        deleteDataDir();
    }

    private void deleteDataDir() {
        String dir = env.get("HOTLINE_DATA_DIR");
        if (dir == null || !java.nio.file.Path.of(dir).getFileName().toString().startsWith("hotline-data-")) {
            return;
        }
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of(dir))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp folder left behind is no harm
        }
    }
}
