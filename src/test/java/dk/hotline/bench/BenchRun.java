package dk.hotline.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestDatabases;
import dk.hotline.twilio.TwilioStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark (issue #14, part 1: measure): the packaged service ({@code java FLAGS -jar
 * hotline.jar}) on a new database {@code bench_<random>} of the local PostgreSQL, and beside it a
 * {@link BareEndpoint} in its own JVM with the same flags, both driven by {@code wrk} with unique
 * signed webhooks at 1, 8 and 32 connections: the first step of a call and the route step
 * (pressing 1, with 50 leaders on call and 10,000 shifts). Then the outbox's rate to a WireMock
 * playing Twilio, and the cost of scheduling reminders. Prints one Markdown report and keeps it in
 * {@code target/bench/report.md}; the database is dropped afterwards.
 *
 * <p>Run: {@code bench/run} or {@code ./mvnw -B -Pbench verify}. Knobs (system properties):
 * {@code bench.jar}, {@code bench.flags} (JVM flags of both JVMs, default those of
 * {@code config/jvm.options}, as everywhere), {@code bench.seconds} (per wrk run, default 8),
 * {@code bench.warmup} (s, default 3), {@code bench.connections} (default 1,8,32),
 * {@code bench.texts} (outbox, default 10000), {@code bench.reminders} (default 100000; 0 skips), {@code bench.jfr} (true: a JFR
 * recording of the measured service in {@code target/bench/service.jfr}).
 */
public final class BenchRun {
    static final String PUBLIC_URL = "https://hotline.example.org";

    private BenchRun() {}

    public static void main(String[] args) throws Exception {
        BenchSupport.watchdog("BenchRun", Duration.ofMinutes(12));
        var knobs = Knobs.fromSystemProperties();
        Files.createDirectories(BenchSupport.OUT);
        var report = new Report(knobs);
        report.machine(BenchSupport.machine(), wrkVersion());

        DatabaseUrl db = LocalDatabase.ensureDatabase(TestDatabases.server(),
                "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        // Neither its templating nor its log line per request (a request and the stub's answer
        // written out as JSON, for a notifier that prints nothing) on the cores the service needs.
        var texts = new PlainMessageAnswers();
        var twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(40)
                .extensions(texts).stubRequestLoggingDisabled(true).disableRequestJournal());
        twilio.start();
        twilio.stubFor(post(urlPathEqualTo(TwilioStubs.MESSAGES_PATH))
                .willReturn(aResponse().withTransformers(PlainMessageAnswers.NAME)));
        TwilioStubs.callCreated(twilio);
        Path dataDir = Files.createTempDirectory("hotline-bench-");
        Map<String, String> env = serviceEnv(db, "http://127.0.0.1:" + twilio.port(), dataDir);
        int port = dk.hotline.testing.ServiceProcess.freePort();
        var jar = List.of("-jar", knobs.jar().toString());
        // The class-data archive, as the image makes it: the first start (on the new database) is
        // the training run and writes it at exit; the measured service maps it. The archive
        // config/jvm.options names is for target/hotline.jar, not for this run's jar.
        Path archive = BenchSupport.OUT.resolve("hotline.jsa").toAbsolutePath();
        Files.deleteIfExists(archive);
        List<String> trainingFlags = withArchive(knobs.flags(), "-XX:ArchiveClassesAtExit=" + archive);
        // bench.jfr=true records the measured service (not the first start) with JFR's profile settings.
        List<String> measuredFlags = withArchive(knobs.flags(), "-XX:SharedArchiveFile=" + archive);
        if (Boolean.getBoolean("bench.jfr")) {
            // A recording from the start together with the archive crashed the JVM once at start-up
            // here (SIGSEGV in check_shared_class_file_load_hook, OpenJDK 17.0.15): profile without it.
            measuredFlags.add("-Xshare:off");
        }
        if (Boolean.getBoolean("bench.jfr")) {
            measuredFlags.add("-XX:StartFlightRecording=filename=" + BenchSupport.OUT.resolve("service.jfr").toAbsolutePath()
                    + ",settings=profile");
        }
        try {
            // Start-up on a new database (migrations) and then, after SIGTERM, on the migrated one.
            BenchSupport.progress("starting the service on a new database " + db.jdbcUrl());
            try (var first = JvmProcess.start("service", trainingFlags, jar, env, port)) {
                report.startup("new database (migrations; the training start, writing the class-data archive at exit)",
                        first.awaitHealthy(Duration.ofSeconds(60)));
            }
            OfferRelease.install(db);
            try (var service = JvmProcess.start("service", measuredFlags, jar, env, port);
                 var bare = JvmProcess.start("bare", knobs.flags(), List.of("-cp", System.getProperty("java.class.path"),
                         BareEndpoint.class.getName()), bareEnv(), dk.hotline.testing.ServiceProcess.freePort())) {
                report.startup(Files.isRegularFile(archive) ? "migrated database (class-data archive "
                        + Files.size(archive) / (1024 * 1024) + " MiB mapped)" : "migrated database (no class-data archive was written)",
                        service.awaitHealthy(Duration.ofSeconds(60)));
                bare.awaitHealthy(Duration.ofSeconds(60));
                BenchSupport.sleep(Duration.ofSeconds(5));
                report.idle(service.rss(), bare.rss());
                BenchSupport.progress("webhooks");
                var webhooks = new WebhookSteps(knobs, report, db, service, bare);
                webhooks.run();
                report.afterLoad(service.rss(), service.peakRss(), bare.peakRss());
                BenchSupport.progress("outbox");
                new OutboxRate(knobs, report, db, texts).run();
                if (knobs.reminders() > 0) {
                    BenchSupport.progress("reminder scheduling");
                    new ReminderScheduling(knobs, report, db, service, texts).run(webhooks);
                }
                report.end(service.rss(), service.peakRss());
            }
        } catch (Exception | AssertionError e) {
            // What was measured so far still goes out, with the failure at the top.
            report.failed(e);
            e.printStackTrace();
        } finally {
            twilio.stop();
            TestDatabases.drop(db);
            deleteTree(dataDir);
        }
        BenchSupport.progress("done");
        report.write();
        System.exit(report.hasFailed() ? 1 : 0);
    }

    private static Map<String, String> serviceEnv(DatabaseUrl db, String twilioBase, Path dataDir) {
        var env = new HashMap<String, String>();
        env.put("DATABASE_URL", TestDatabases.asEnvironmentValue(db));
        env.put("HOTLINE_PUBLIC_URL", PUBLIC_URL);
        env.put("TWILIO_ACCOUNT_SID", TestConfig.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", TestConfig.AUTH_TOKEN);
        env.put("TWILIO_API_BASE_URL", twilioBase);
        env.put("HOTLINE_NUMBER", TestConfig.HOTLINE_NUMBER);
        env.put("HOTLINE_ENCRYPTION_KEY", TestConfig.ENCRYPTION_KEY);
        env.put("HOTLINE_ADMIN_EMAIL", TestConfig.ADMIN_EMAIL);
        env.put("HOTLINE_ADMIN_PASSWORD", TestConfig.ADMIN_PASSWORD);
        env.put("HOTLINE_DATA_DIR", dataDir.toString());
        env.putAll(Knobs.SERVICE_SETTINGS);
        return env;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@code flags} with their class-data archive option (if any) replaced by {@code option}. */
    private static List<String> withArchive(List<String> flags, String option) {
        var out = new java.util.ArrayList<String>();
        for (String flag : flags) {
            if (!flag.startsWith("-XX:SharedArchiveFile=")) {
                out.add(flag);
            }
        }
        out.add(option);
        return out;
    }

        private static Map<String, String> bareEnv() {
        return Map.of("HOTLINE_PUBLIC_URL", PUBLIC_URL, "TWILIO_AUTH_TOKEN", TestConfig.AUTH_TOKEN);
    }

    private static String wrkVersion() {
        try {
            var p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
            p.waitFor();
            return out.replaceFirst("Copyright.*$", "").trim();
        } catch (Exception e) {
            throw new IllegalStateException("wrk is missing: apt-get install -y wrk (bench/run does this as root)", e);
        }
    }

    /** What a run is made of. */
    record Knobs(Path jar, List<String> flags, Duration seconds, Duration warmup, int[] connections, int texts, int reminders) {
        /** Settings the service runs with, besides the ones it needs to start; the report lists them. */
        static final Map<String, String> SERVICE_SETTINGS = Map.of(
                "HOTLINE_OUTBOX_RATE", "1000",
                "HOTLINE_QUIET_HOURS", "");

        static Knobs fromSystemProperties() {
            return new Knobs(Path.of(System.getProperty("bench.jar", "target/hotline.jar")),
                    System.getProperty("bench.flags", "").isBlank() ? dk.hotline.testing.JvmOptions.read()
                            : List.of(System.getProperty("bench.flags").trim().split("\\s+")),
                    Duration.ofSeconds(Long.getLong("bench.seconds", 8)),
                    Duration.ofSeconds(Long.getLong("bench.warmup", 3)),
                    Arrays.stream(System.getProperty("bench.connections", "1,8,32").split(","))
                            .map(String::trim).mapToInt(Integer::parseInt).toArray(),
                    Integer.getInteger("bench.texts", 10_000),
                    Integer.getInteger("bench.reminders", 100_000));
        }

        int outboxRate() {
            return Integer.parseInt(SERVICE_SETTINGS.get("HOTLINE_OUTBOX_RATE"));
        }
    }
}
