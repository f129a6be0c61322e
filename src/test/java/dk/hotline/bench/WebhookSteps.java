package dk.hotline.bench;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.testing.TestConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * The two webhooks of a call that is put through, each against the bare endpoint at the same
 * connections: the first step ({@code POST /twilio/voice}: the call is recorded, the greeting
 * answered) and the route step (the caller presses 1 in the menu: a leader on call is chosen,
 * reserved and dialled). Every route request carries a CallSid whose first step the service has
 * answered (runs of the first step, timed or not, supply them), and {@link OfferRelease} keeps the
 * leaders free. The route step is measured with one leader and one shift (at 1 connection: with
 * one leader, two callers at once would find them busy), then with 50 leaders on call and 10,000
 * shifts (the first step, too, runs with those).
 */
final class WebhookSteps {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern REDIRECT = Pattern.compile("<Redirect[^>]*>([^<]+)</Redirect>");
    private static final Pattern GATHER = Pattern.compile("<Gather[^>]* action=\"([^\"]+)\"");
    static final String FIRST_EXPECT = "<Redirect";
    static final String ROUTE_EXPECT = "<Dial";

    private final BenchRun.Knobs knobs;
    private final Report report;
    private final DatabaseUrl db;
    private final JvmProcess service;
    private final JvmProcess bare;
    private final SignedBodies signer = new SignedBodies(BenchRun.PUBLIC_URL, TestConfig.AUTH_TOKEN);
    private final CallSupply calls;
    /** The last rates seen, to size what the next run needs: no more CallSids made than it will use. */
    private double firstStepRate = 200;
    private double routeRate = 50;

    WebhookSteps(BenchRun.Knobs knobs, Report report, DatabaseUrl db, JvmProcess service, JvmProcess bare) {
        this.knobs = knobs;
        this.report = report;
        this.db = db;
        this.service = service;
        this.bare = bare;
        this.calls = new CallSupply(signer, db);
    }

    void run() {
        var seed = new Seed(service.baseUrl(), db, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        seed.onCallNow(seed.leader(1));
        String menu = menuPath();
        Path bareRoute = signer.menuPresses(BenchSupport.OUT.resolve("bare-route.txt"), menu,
                LongStream.rangeClosed(1, 60_000).mapToObj(SignedBodies::callSid).toList(), "1");

        firstStep(8, knobs.warmup());
        Wrk.run(bare.baseUrl(), 8, knobs.warmup(), calls.firstSteps(0), 0, "<Response");
        // One connection: with one leader, two callers at once would find them busy and be queued.
        route(1, knobs.warmup());
        report.oneLeader(route(1, knobs.seconds()));

        for (int n = 2; n <= 50; n++) {
            seed.leader(n);
        }
        report.seeded(50, seed.shifts(200));

        for (int c : knobs.connections()) {
            var s = firstStep(c, knobs.seconds());
            var b = Wrk.run(bare.baseUrl(), c, knobs.seconds(), calls.firstSteps(0), 0, "<Response");
            report.webhook("first step", c, s, b);
        }
        route(8, knobs.warmup());
        for (int c : knobs.connections()) {
            var s = route(c, knobs.seconds());
            var b = Wrk.run(bare.baseUrl(), c, knobs.seconds(), bareRoute, 0, "<Response");
            report.webhook("route step", c, s, b);
        }
    }

    /** The first step at {@code connections}, each request a new call. */
    Wrk.Result firstStep(int connections, Duration duration) {
        long lines = (long) (Math.max(firstStepRate, 500) * duration.toSeconds() * 3) + 2_000;
        Path file = calls.firstSteps(lines);
        var result = Wrk.run(service.baseUrl(), connections, duration, file, calls.offset(), FIRST_EXPECT);
        calls.used(result);
        if (connections > 1) {
            firstStepRate = Math.max(20, result.perSecond());
        }
        return result;
    }

    /** The route step at {@code connections}: calls whose first step ran press 1. */
    private Wrk.Result route(int connections, Duration duration) {
        long needed = (long) (routeRate * duration.toSeconds() * 1.5) + 200;
        List<String> sids = calls.unrouted();
        for (int i = 0; i < 5 && sids.size() < needed; i++) {
            long missing = needed - sids.size();
            firstStep(8, Duration.ofSeconds(Math.max(1, (long) Math.ceil(missing / firstStepRate) + 1)));
            sids = calls.unrouted();
        }
        String menu = menuPath();
        Path file = signer.menuPresses(BenchSupport.OUT.resolve("route.txt"), menu, sids, "1");
        var result = Wrk.run(service.baseUrl(), connections, duration, file, 0, ROUTE_EXPECT);
        calls.routed(result.perThreadMax() + Runtime.getRuntime().availableProcessors());
        routeRate = Math.max(routeRate, result.perSecond() * (connections == 1 ? 4 : 1.2));
        return result;
    }

    private String cachedMenu;

    /**
     * Where a caller presses 1: the first step's {@code <Redirect>} leads to the menu, whose
     * {@code <Gather action>} names it. Found once by playing one call, as Twilio would.
     */
    private String menuPath() {
        if (cachedMenu == null) {
            String sid = SignedBodies.callSid(0);
            Path one = signer.firstSteps(BenchSupport.OUT.resolve("probe.txt"), 0, 1);
            String first = post(one);
            var redirect = REDIRECT.matcher(first);
            if (!redirect.find()) {
                throw new IllegalStateException("no Redirect in the first step's answer: " + first);
            }
            String menuStep = redirect.group(1).replace("&amp;", "&");
            Path step = signer.menuPresses(BenchSupport.OUT.resolve("probe.txt"), menuStep, List.of(sid), "");
            String menu = post(step);
            var gather = GATHER.matcher(menu);
            if (!gather.find()) {
                throw new IllegalStateException("no Gather in the menu step's answer: " + menu);
            }
            cachedMenu = gather.group(1).replace("&amp;", "&");
        }
        return cachedMenu;
    }

    /** POSTs the one signed request in {@code file} and returns the answer. */
    private String post(Path file) {
        try {
            String[] line = java.nio.file.Files.readString(file).trim().split("\t", 3);
            var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + line[0]))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", line[1])
                    .POST(HttpRequest.BodyPublishers.ofString(line[2])).build();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(line[0] + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
