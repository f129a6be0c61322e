package dk.hotline.bench;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import dk.hotline.testing.JvmOptions;
import dk.hotline.testing.ServiceProcess;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestDatabases;
import dk.hotline.twilio.TwilioStubs;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The route step alone, for working on it: a shorter run than {@link BenchRun} that measures only
 * what issue #14's three route-step targets name. The service runs from a folder of compiled
 * classes (no jar to build, so two versions of the code can be measured one after the other on the
 * same machine state) with the JVM flags of {@code config/jvm.options}, beside the
 * {@link BareEndpoint}, on a new database with 50 leaders on call and 10,000 shifts and the
 * benchmark's {@link OfferRelease} trigger; wrk sends route steps (pressing 1, each for a call
 * whose first step ran) at 1 and 8 connections, then the bare endpoint gets as many connections.
 *
 * <p>Run with the test classpath, from the project folder (the README has the command). System
 * properties: {@code route.classes} (the service's classes, default {@code target/classes}),
 * {@code route.seconds} (per row, default 8), {@code route.warmup} (s, default 3),
 * {@code route.jfr} (a file: record the service with JFR's profile settings),
 * {@code route.logStatements} (true: PostgreSQL logs every statement of this database with its duration, to count and time them),
 * {@code route.db} (more settings of the benchmark's database, {@code name=value;…}, e.g. auto_explain's).
 */
public final class RouteLoad {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern REDIRECT = Pattern.compile("<Redirect[^>]*>([^<]+)</Redirect>");
    private static final Pattern GATHER = Pattern.compile("<Gather[^>]* action=\"([^\"]+)\"");

    private RouteLoad() {}

    public static void main(String[] args) throws Exception {
        BenchSupport.watchdog("RouteLoad", Duration.ofMinutes(8));
        Path classes = Path.of(System.getProperty("route.classes", "target/classes")).toAbsolutePath();
        Duration seconds = Duration.ofSeconds(Long.getLong("route.seconds", 8));
        Duration warmup = Duration.ofSeconds(Long.getLong("route.warmup", 3));
        String jfr = System.getProperty("route.jfr", "");
        Files.createDirectories(BenchSupport.OUT);
        var machine = BenchSupport.machine();

        DatabaseUrl db = LocalDatabase.ensureDatabase(TestDatabases.server(),
                "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        var settings = new ArrayList<String>(List.of(System.getProperty("route.db", "").split(";")));
        if (Boolean.getBoolean("route.logStatements")) {
            settings.add("log_min_duration_statement=0");
        }
        try (var c = LocalDatabase.connect(TestDatabases.server()); var st = c.createStatement()) {
            for (String setting : settings.stream().filter(x -> x.contains("=")).toList()) {
                st.execute("ALTER DATABASE \"" + db.jdbcUrl().replaceFirst("^.*/([^/?]+).*$", "$1") + "\" SET "
                        + setting.substring(0, setting.indexOf('=')) + " = '" + setting.substring(setting.indexOf('=') + 1) + "'");
            }
        }
        var twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(40));
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        TwilioStubs.callCreated(twilio);
        Path dataDir = Files.createTempDirectory("hotline-route-");
        var flags = new ArrayList<>(JvmOptions.read());
        if (!jfr.isEmpty()) {
            flags.add("-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath() + ",settings=profile");
        }
        var rows = new ArrayList<List<String>>();
        try (var service = JvmProcess.start("route-service", flags,
                List.of("-cp", serviceClasspath(classes), "dk.hotline.app.Main"), env(db, twilio.port(), dataDir),
                ServiceProcess.freePort());
             var bare = JvmProcess.start("route-bare", JvmOptions.read(), List.of("-cp", System.getProperty("java.class.path"),
                     BareEndpoint.class.getName()), Map.of("HOTLINE_PUBLIC_URL", BenchRun.PUBLIC_URL,
                     "TWILIO_AUTH_TOKEN", TestConfig.AUTH_TOKEN), ServiceProcess.freePort())) {
            service.awaitHealthy(Duration.ofSeconds(90));
            bare.awaitHealthy(Duration.ofSeconds(60));
            OfferRelease.install(db);
            var seed = new Seed(service.baseUrl(), db, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
            for (int n = 1; n <= 50; n++) {
                seed.leader(n);
            }
            long shifts = seed.shifts(200);
            var signer = new SignedBodies(BenchRun.PUBLIC_URL, TestConfig.AUTH_TOKEN);
            var calls = new CallSupply(signer, db);
            String menu = menuPath(signer, service.baseUrl());
            Path bareRoute = signer.menuPresses(BenchSupport.OUT.resolve("route-load-bare.txt"), menu,
                    LongStream.rangeClosed(1, 60_000).mapToObj(SignedBodies::callSid).toList(), "1");
            BenchSupport.progress("seeded 50 leaders, " + shifts + " shifts; service classes " + classes);
            for (int c : new int[] {1, 8}) {
                route(signer, calls, service.baseUrl(), menu, c, warmup);
                var s = route(signer, calls, service.baseUrl(), menu, c, seconds);
                var b = Wrk.run(bare.baseUrl(), c, seconds, bareRoute, 0, "<Response");
                rows.add(List.of(String.valueOf(c), BenchSupport.fixed(s.perSecond(), 0), Report.ms(s.p50()), Report.ms(s.p99()),
                        String.valueOf(s.errors()), BenchSupport.fixed(100 * s.perSecond() / b.perSecond(), 1) + " %",
                        BenchSupport.fixed(b.perSecond(), 0), Report.ms(b.p50()), Report.ms(b.p99())));
            }
        } finally {
            twilio.stop();
            TestDatabases.drop(db);
            try (var paths = Files.walk(dataDir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        machine.add(List.of("load average after the run (1, 5, 15 min)", BenchSupport.loadAverage()));
        BenchSupport.report("route-load", BenchSupport.table(List.of("what", "value"), machine) + "\n"
                + BenchSupport.table(List.of("connections", "req/s", "p50 ms", "p99 ms", "errors", "of bare",
                "bare req/s", "bare p50 ms", "bare p99 ms"), rows));
        System.exit(0);
    }

    /** The route step at {@code connections} for {@code duration}: calls whose first step ran press 1. */
    private static Wrk.Result route(SignedBodies signer, CallSupply calls, String baseUrl, String menu, int connections,
                                    Duration duration) {
        // Enough answered calls that no CallSid is sent twice: more a second than the route step does.
        long needed = (connections == 1 ? 600 : 1_500) * duration.toSeconds() + 500;
        List<String> sids = calls.unrouted();
        for (int i = 0; i < 10 && sids.size() < needed; i++) {
            Path file = calls.firstSteps(needed * 2);
            calls.used(Wrk.run(baseUrl, 8, Duration.ofSeconds(4), file, calls.offset(), WebhookSteps.FIRST_EXPECT));
            sids = calls.unrouted();
        }
        Path file = signer.menuPresses(BenchSupport.OUT.resolve("route-load.txt"), menu, sids, "1");
        var result = Wrk.run(baseUrl, connections, duration, file, 0, WebhookSteps.ROUTE_EXPECT);
        calls.routed(result.perThreadMax() + Runtime.getRuntime().availableProcessors());
        return result;
    }

    /** The harness's own classpath with {@code classes} in place of the project's main classes. */
    private static String serviceClasspath(Path classes) {
        Path main = Path.of("target", "classes").toAbsolutePath();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty() && !Path.of(entry).toAbsolutePath().startsWith(Path.of("target", "test-classes").toAbsolutePath()))
                .map(entry -> Path.of(entry).toAbsolutePath().equals(main) ? classes.toString() : entry)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Map<String, String> env(DatabaseUrl db, int twilioPort, Path dataDir) {
        var env = new HashMap<String, String>();
        env.put("DATABASE_URL", TestDatabases.asEnvironmentValue(db));
        env.put("HOTLINE_PUBLIC_URL", BenchRun.PUBLIC_URL);
        env.put("TWILIO_ACCOUNT_SID", TestConfig.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", TestConfig.AUTH_TOKEN);
        env.put("TWILIO_API_BASE_URL", "http://127.0.0.1:" + twilioPort);
        env.put("HOTLINE_NUMBER", TestConfig.HOTLINE_NUMBER);
        env.put("HOTLINE_ENCRYPTION_KEY", TestConfig.ENCRYPTION_KEY);
        env.put("HOTLINE_ADMIN_EMAIL", TestConfig.ADMIN_EMAIL);
        env.put("HOTLINE_ADMIN_PASSWORD", TestConfig.ADMIN_PASSWORD);
        env.put("HOTLINE_DATA_DIR", dataDir.toString());
        env.putAll(BenchRun.Knobs.SERVICE_SETTINGS);
        return env;
    }

    /** Where a caller presses 1: found by playing one call's first step and its redirect, as Twilio would. */
    private static String menuPath(SignedBodies signer, String baseUrl) throws IOException, InterruptedException {
        String first = post(baseUrl, signer.firstSteps(BenchSupport.OUT.resolve("route-probe.txt"), 0, 1));
        var redirect = REDIRECT.matcher(first);
        if (!redirect.find()) {
            throw new IllegalStateException("no Redirect in the first step's answer");
        }
        String step = redirect.group(1).replace("&amp;", "&");
        String menu = post(baseUrl, signer.menuPresses(BenchSupport.OUT.resolve("route-probe.txt"), step,
                List.of(SignedBodies.callSid(0)), ""));
        var gather = GATHER.matcher(menu);
        if (!gather.find()) {
            throw new IllegalStateException("no Gather in the menu step's answer");
        }
        return gather.group(1).replace("&amp;", "&");
    }

    private static String post(String baseUrl, Path file) throws IOException, InterruptedException {
        String[] line = Files.readString(file).trim().split("\t", 3);
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + line[0]))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", line[1])
                .POST(HttpRequest.BodyPublishers.ofString(line[2])).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(line[0] + " answered " + response.statusCode());
        }
        return response.body();
    }
}
