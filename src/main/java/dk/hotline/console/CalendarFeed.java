package dk.hotline.console;

import dk.hotline.common.NotFoundException;
import dk.hotline.rota.CalendarFeeds;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;

/**
 * {@code GET /ical/<secret>.ics}: a leader's shifts for their phone's calendar app, which fetches
 * it without signing in (the session check leaves {@code /ical/} alone); the secret is the key.
 * An unknown, replaced or revoked secret is a bare 404 that tells nothing. The request log names
 * the route pattern, never the secret.
 */
final class CalendarFeed {
    static final String PATH = "/ical/{secret}.ics";

    private final CalendarFeeds feeds;
    private final ShiftCalendar calendar;

    CalendarFeed(CalendarFeeds feeds, ShiftCalendar calendar) {
        this.feeds = feeds;
        this.calendar = calendar;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::feed);
    }

    private void feed(Context ctx) {
        var shifts = feeds.shifts(ctx.pathParam("secret")).orElseThrow(() -> new NotFoundException("not found"));
        // A shared or synced cache must not keep a leader's shifts; the app asks again anyway.
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/calendar; charset=utf-8").result(calendar.render(shifts));
    }

    /** The link a calendar app subscribes to. */
    static String url(URI publicUrl, String secret) {
        return publicUrl + "/ical/" + secret + ".ics";
    }
}
