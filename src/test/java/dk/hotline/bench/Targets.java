package dk.hotline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The targets of issue #14, each with the figure this run measured and MET or MISSED. */
final class Targets {
    private static final long MIB = 1024 * 1024;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<List<String>> later = new ArrayList<>();

    void webhooks(Map<String, Wrk.Result> service, Map<String, Wrk.Result> bare, Wrk.Result oneLeader) {
        var first8 = service.get("first step@8");
        var route1 = service.get("route step@1");
        var route8 = service.get("route step@8");
        if (first8 == null || route1 == null || route8 == null) {
            rows.add(List.of("webhook targets", "not measured (they need 1 and 8 connections)", "—"));
            return;
        }
        double firstShare = 100 * first8.perSecond() / bare.get("first step@8").perSecond();
        add("first step ≥ 35 % of bare at 8 connections", pct(firstShare), firstShare >= 35 && clean(first8));
        add("first step p99 ≤ 10 ms (8 connections)", Report.ms(first8.p99()) + " ms", first8.p99() <= 10_000 && clean(first8));
        double routeShare = 100 * route8.perSecond() / bare.get("route step@8").perSecond();
        add("route step ≥ 10 % of bare at 8 connections", pct(routeShare), routeShare >= 10 && clean(route8));
        add("route step p50 ≤ 2 ms at 1 connection", Report.ms(route1.p50()) + " ms", route1.p50() <= 2_000 && clean(route1));
        add("route step p99 ≤ 10 ms at 8 connections", Report.ms(route8.p99()) + " ms", route8.p99() <= 10_000 && clean(route8));
        if (oneLeader != null) {
            double cost = oneLeader.perSecond() / route1.perSecond();
            add("50 leaders + 10,000 shifts cost ≤ 1.5× one leader (route step, 1 connection, time per request)",
                    BenchSupport.fixed(cost, 2) + "× (" + BenchSupport.fixed(oneLeader.perSecond(), 0) + " vs "
                            + BenchSupport.fixed(route1.perSecond(), 0) + " req/s)", cost <= 1.5 && clean(route1) && clean(oneLeader));
        }
    }

    void outbox(double perSecond, long lost, long doubled, boolean allSent) {
        later.add(List.of("outbox ≥ 500 texts/s to a local WireMock, none lost or doubled",
                BenchSupport.fixed(perSecond, 0) + " texts/s, " + lost + " lost, " + doubled + " twice"
                        + (allSent ? "" : ", not all sent within 40 s"),
                verdict(perSecond >= 500 && lost == 0 && doubled == 0 && allSent)));
    }

    void scheduling(long made, int wanted, double perSecond, Wrk.Result with, Wrk.Result without) {
        later.add(List.of("100,000 pending reminders scheduled at ≥ 2,000/s", made + " in this run at "
                + BenchSupport.fixed(perSecond, 0) + "/s", verdict(perSecond >= 2_000 && made >= wanted)));
        if (without != null) {
            double change = 100.0 * (with.p99() - without.p99()) / without.p99();
            later.add(List.of("first step p99 with them within 10 % of the empty case (8 connections, run just before)",
                    Report.ms(with.p99()) + " vs " + Report.ms(without.p99()) + " ms (" + (change >= 0 ? "+" : "")
                            + BenchSupport.fixed(change, 0) + " %)" + (made >= wanted ? "" : ", with " + made + " pending"),
                    verdict(change <= 10 && made >= wanted && clean(with))));
        }
    }

    void dueReminders(int texts, int rate, double perSecond, long received, long doubled, String problem) {
        later.add(List.of(texts + " due reminders go out at ≥ 95 % of the configured rate (" + rate + "/s), none doubled",
                BenchSupport.fixed(perSecond, 0) + " texts/s = " + pct(100 * perSecond / rate) + ", " + received + " of " + texts
                        + " texted, " + doubled + " twice" + (problem == null ? "" : ", " + problem),
                verdict(perSecond >= 0.95 * rate && received == texts && doubled == 0 && problem == null)));
    }

    void memory(long idleRss, long endRss, Long migratedStartupNanos) {
        add("RSS ≤ 256 MiB idle", BenchSupport.mib(idleRss) + " MiB", idleRss > 0 && idleRss <= 256 * MIB);
        add("RSS ≤ 400 MiB at the end", BenchSupport.mib(endRss) + " MiB", endRss > 0 && endRss <= 400 * MIB);
        if (migratedStartupNanos != null) {
            add("start-up to healthy ≤ 3 s on a migrated database", BenchSupport.fixed(migratedStartupNanos / 1e9, 2) + " s",
                    migratedStartupNanos <= 3_000_000_000L);
        }
    }

    List<List<String>> rows() {
        var all = new ArrayList<>(rows);
        all.addAll(later);
        if (later.stream().noneMatch(r -> r.get(0).startsWith("100,000"))) {
            all.add(List.of("100,000 pending reminders scheduled at ≥ 2,000/s; first step p99 with them within 10 %",
                    "not measured (bench.reminders=0)", "—"));
        }
        if (later.stream().noneMatch(r -> r.get(0).contains("due reminders"))) {
            all.add(List.of("10,000 due reminders go out at ≥ 95 % of the configured rate", "not measured (bench.reminders=0)", "—"));
        }
        return all;
    }

    private void add(String target, String figure, boolean met) {
        rows.add(List.of(target, figure, verdict(met)));
    }

    private static boolean clean(Wrk.Result r) {
        return r.errors() == 0 && r.replays() == 0;
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }

    private static String pct(double v) {
        return BenchSupport.fixed(v, 1) + " %";
    }
}
