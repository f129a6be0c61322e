package dk.hotline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what {@link BenchRun} measured and writes it as one Markdown report: the machine, the
 * webhook table against the bare endpoint, memory, start-up, outbox and scheduling, and the
 * issue's targets each with its figure and MET or MISSED.
 */
final class Report {
    private final BenchRun.Knobs knobs;
    private final List<List<String>> machine = new ArrayList<>();
    private final List<List<String>> webhooks = new ArrayList<>();
    private final Map<String, Wrk.Result> service = new TreeMap<>();
    private final Map<String, Wrk.Result> bare = new TreeMap<>();
    private final Map<String, Long> startups = new LinkedHashMap<>();
    private final List<List<String>> figures = new ArrayList<>();
    private final Targets targets = new Targets();
    private Wrk.Result oneLeader;
    private String seeded = "";
    private long idleRss = -1;
    private long endRss = -1;
    private String failure;

    Report(BenchRun.Knobs knobs) {
        this.knobs = knobs;
    }

    void machine(List<List<String>> rows, String wrk) {
        machine.addAll(rows);
        machine.add(List.of("load generator", wrk + " (`bench/signed-bodies.lua`), threads = min(connections, cores)"));
        machine.add(List.of("JVM flags of the service and the bare endpoint", "`" + String.join(" ", knobs.flags()) + "`"));
        machine.add(List.of("service settings besides Twilio, database and keys", BenchRun.Knobs.SERVICE_SETTINGS.toString()));
    }

    void startup(String what, long nanos) {
        startups.put(what, nanos);
        figures.add(List.of("start-up to healthy, " + what, BenchSupport.fixed(nanos / 1e9, 2) + " s"));
    }

    void idle(long serviceRss, long bareRss) {
        idleRss = serviceRss;
        figures.add(List.of("RSS idle (5 s after healthy, nothing seeded)", "service " + BenchSupport.mib(serviceRss)
                + " MiB, bare endpoint " + BenchSupport.mib(bareRss) + " MiB"));
    }

    void oneLeader(Wrk.Result r) {
        oneLeader = r;
    }

    void seeded(int leaders, long shifts) {
        seeded = leaders + " leaders on call, " + shifts + " shifts";
    }

    void webhook(String step, int connections, Wrk.Result s, Wrk.Result b) {
        service.put(step + "@" + connections, s);
        bare.put(step + "@" + connections, b);
        webhooks.add(List.of(step, String.valueOf(connections), BenchSupport.fixed(s.perSecond(), 0), ms(s.p50()), ms(s.p99()),
                errors(s), BenchSupport.fixed(s.perSecond(), 0).equals("0") ? "n/a"
                        : BenchSupport.fixed(100 * s.perSecond() / b.perSecond(), 1) + " %",
                BenchSupport.fixed(b.perSecond(), 0), ms(b.p50()), ms(b.p99()), String.valueOf(b.errors())));
    }

    void afterLoad(long rss, long peak, long barePeak) {
        figures.add(List.of("RSS after the webhook runs / peak so far (VmHWM)", BenchSupport.mib(rss) + " / "
                + BenchSupport.mib(peak) + " MiB (bare endpoint's peak " + BenchSupport.mib(barePeak) + " MiB)"));
    }

    void outbox(int texts, int rate, long nanos, long sent, long failed, int requests, long lost, long doubled) {
        double perSecond = sent / (nanos / 1e9);
        figures.add(List.of("outbox: " + texts + " texts queued in one transaction → WireMock, `outbox.rate` " + rate + "/s",
                BenchSupport.fixed(perSecond, 0) + " texts/s (" + sent + " sent, " + failed + " failed in "
                        + BenchSupport.fixed(nanos / 1e9, 2) + " s" + (sent + failed < texts ? ", the limit; the rest deleted" : "")
                        + "; " + requests + " requests to WireMock, " + lost + " marked sent but not received, " + doubled + " twice)"));
        targets.outbox(perSecond, lost, doubled, sent == texts);
    }

    void scheduling(long made, long nanos, int groups, String failure, Wrk.Result without, Wrk.Result firstStep) {
        double perSecond = made / (nanos / 1e9);
        figures.add(List.of("scheduling: support groups of 52 weekly sessions via `POST /api/groups`, 4 clients",
                made + " pending reminders (Quartz triggers) from " + groups + " groups in " + BenchSupport.fixed(nanos / 1e9, 1)
                        + " s = " + BenchSupport.fixed(perSecond, 0) + "/s" + (failure == null ? "" : "; first failure: " + failure)));
        figures.add(List.of("first step, 8 connections, just before / with those reminders pending",
                BenchSupport.fixed(without.perSecond(), 0) + " / " + BenchSupport.fixed(firstStep.perSecond(), 0)
                + " req/s, p50 " + ms(without.p50()) + " / " + ms(firstStep.p50()) + " ms, p99 " + ms(without.p99()) + " / "
                + ms(firstStep.p99()) + " ms, " + errors(without) + " / " + errors(firstStep) + " errors"));
        targets.scheduling(made, knobs.reminders(), perSecond, firstStep, without);
    }

    void dueReminders(int texts, int rate, long received, long doubled, Duration elapsed, long recorded, String problem) {
        double perSecond = elapsed.isZero() ? 0 : received / (elapsed.toNanos() / 1e9);
        figures.add(List.of("due reminders: " + texts + " (" + DueReminders.GROUPS + " groups × " + DueReminders.PER_GROUP
                        + ") due at one moment → WireMock, `outbox.rate` " + rate + "/s",
                BenchSupport.fixed(perSecond, 0) + " texts/s = " + BenchSupport.fixed(100 * perSecond / rate, 1) + " % of the rate ("
                        + received + " numbers texted in " + BenchSupport.fixed(elapsed.toNanos() / 1e9, 2) + " s from the due moment, "
                        + doubled + " twice, " + recorded + " recorded sent" + (problem == null ? "" : "; " + problem) + ")"));
        targets.dueReminders(texts, rate, perSecond, received, doubled, problem);
    }

    void end(long rss, long peak) {
        endRss = rss;
        figures.add(List.of("RSS at the end / peak (VmHWM)", BenchSupport.mib(rss) + " / " + BenchSupport.mib(peak) + " MiB"));
    }

    void failed(Throwable e) {
        failure = e.toString();
    }

    boolean hasFailed() {
        return failure != null;
    }

    void write() {
        targets.webhooks(service, bare, oneLeader);
        targets.memory(idleRss, endRss, startups.entrySet().stream().filter(e -> e.getKey().startsWith("migrated database"))
                .map(Map.Entry::getValue).findFirst().orElse(null));
        machine.add(List.of("load average after the run (1, 5, 15 min)", BenchSupport.loadAverage()));
        var md = new StringBuilder();
        if (failure != null) {
            md.append("**The run failed part-way; what follows is what it measured before:** `")
                    .append(failure.replace('`', '\'')).append("`\n\n");
        }
        md.append("### Machine\n\n").append(BenchSupport.table(List.of("what", "value"), machine)).append('\n');
        md.append("### Webhooks: signed, each with a new CallSid; wrk, ").append(knobs.seconds().toSeconds())
                .append(" s per row; ").append(seeded).append("\n\n");
        md.append(BenchSupport.table(List.of("step", "connections", "req/s", "p50 ms", "p99 ms", "errors", "of bare",
                "bare req/s", "bare p50 ms", "bare p99 ms", "bare errors"), webhooks)).append('\n');
        md.append("First step: `POST /twilio/voice` (call recorded, greeting and `<Redirect>` to the menu answered). ")
                .append("Route step: the menu's `<Gather action>` with `Digits=1` for a call whose first step ran: a leader ")
                .append("on call chosen, reserved (an offer row) and dialled (`<Dial>`). A benchmark-only trigger stores each ")
                .append("offer as missed at once, as if the leader's phone stopped ringing, so every route request finds free ")
                .append("leaders; without it all 50 would be ringing after 50 calls and further callers would be queued ")
                .append("(`<Enqueue>`). Errors: socket errors, timeouts, non-200 answers and answers without the expected ")
                .append("TwiML. The bare endpoint (Javalin, the SDK's `RequestValidator`, constant TwiML) gets the same kind ")
                .append("of signed bodies, replayed when its file runs out (it keeps nothing, so a replay costs it the same). ")
                .append("Each route request adds a row to `call_offers`, which the router reads, so the table grows during the run.\n");
        if (oneLeader != null) {
            md.append("Route step with one leader and one shift (before the rest was seeded), 1 connection: ")
                    .append(BenchSupport.fixed(oneLeader.perSecond(), 0)).append(" req/s, p50 ").append(ms(oneLeader.p50()))
                    .append(" ms, p99 ").append(ms(oneLeader.p99())).append(" ms, ").append(errors(oneLeader)).append(" errors.\n");
        }
        md.append("\n### Memory, start-up, outbox, scheduling\n\n")
                .append(BenchSupport.table(List.of("what", "figure"), figures)).append('\n');
        md.append("### Targets (issue #14)\n\n").append(BenchSupport.table(List.of("target", "figure", ""), targets.rows()));
        BenchSupport.report("report", md.toString());
    }

    static String ms(long micros) {
        return BenchSupport.fixed(micros / 1000.0, 2);
    }

    private static String errors(Wrk.Result r) {
        return r.errors() + (r.replays() > 0 ? " (" + r.replays() + " replayed)" : "");
    }
}
