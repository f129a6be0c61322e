package dk.hotline.console;

import dk.hotline.groups.Reminders;
import dk.hotline.outbox.OutboundTexts;
import dk.hotline.sms.InboundTexts;
import dk.hotline.voice.CallStats;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/stats?from=&to=}: counts for the window, each from the feature that owns it
 * (what each one counts is in the README's API table), with the calls by local hour of the week
 * and the same counts per local ISO week: the numbers of the Statistik page ({@link StatsReport}).
 */
public final class StatsApi {
    private final CallStats calls;
    private final InboundTexts inbound;
    private final OutboundTexts outbound;
    private final Reminders reminders;
    private final StatsReport report;

    StatsApi(CallStats calls, InboundTexts inbound, OutboundTexts outbound, Reminders reminders, StatsReport report) {
        this.calls = calls;
        this.inbound = inbound;
        this.outbound = outbound;
        this.reminders = reminders;
        this.report = report;
    }

    record Texts(long in, long out) {}

    /** One local ISO week ({@code 2026-W49}); {@code answerRate} as on the page, from 0 to 1, null when none counts. */
    record Week(String week, CallStats.CallFigures calls, Double answerRate, Texts texts, long remindersSent) {}

    record Stats(String from, String to, CallStats.CallFigures calls, Texts texts, long remindersSent,
                 long[][] callsByHourOfWeek, List<Week> weeks) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/stats", this::stats);
    }

    private void stats(Context ctx) {
        var w = ReportWindow.of(ctx);
        var figures = report.figures(w.from(), w.to());
        var weeks = figures.weeks().stream().map(week -> new Week(week.code(), week.calls(), week.answerRate(),
                new Texts(week.textsIn(), week.textsOut()), week.remindersSent())).toList();
        ctx.json(new Stats(ShiftView.local(w.from(), report.zone()), ShiftView.local(w.to(), report.zone()),
                calls.between(w.from(), w.to()),
                new Texts(inbound.fromSurvivorsBetween(w.from(), w.to()), outbound.sentBetween(w.from(), w.to())),
                reminders.sentBetween(w.from(), w.to()), figures.callsByHourOfWeek(), weeks));
    }
}
