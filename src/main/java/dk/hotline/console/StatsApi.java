package dk.hotline.console;

import dk.hotline.groups.Reminders;
import dk.hotline.outbox.OutboundTexts;
import dk.hotline.sms.InboundTexts;
import dk.hotline.voice.CallStats;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;

/**
 * {@code GET /api/stats?from=&to=}: counts for the window, each from the feature that owns it
 * (what each one counts is in the README's API table).
 */
public final class StatsApi {
    private final CallStats calls;
    private final InboundTexts inbound;
    private final OutboundTexts outbound;
    private final Reminders reminders;
    private final ZoneId zone;

    StatsApi(CallStats calls, InboundTexts inbound, OutboundTexts outbound, Reminders reminders, ZoneId zone) {
        this.calls = calls;
        this.inbound = inbound;
        this.outbound = outbound;
        this.reminders = reminders;
        this.zone = zone;
    }

    record Texts(long in, long out) {}

    record Stats(String from, String to, CallStats.CallFigures calls, Texts texts, long remindersSent) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/stats", this::stats);
    }

    private void stats(Context ctx) {
        var w = ReportWindow.of(ctx);
        ctx.json(new Stats(ShiftView.local(w.from(), zone), ShiftView.local(w.to(), zone), calls.between(w.from(), w.to()),
                new Texts(inbound.fromSurvivorsBetween(w.from(), w.to()), outbound.sentBetween(w.from(), w.to())),
                reminders.sentBetween(w.from(), w.to())));
    }
}
