package dk.hotline.console;

import dk.hotline.rota.CalendarFeeds;
import dk.hotline.web.Principal;
import dk.hotline.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URI;
import java.util.Map;

/**
 * {@code /api/leaders/{id}/ical}: a leader's calendar link. POST makes a new one (the old one stops
 * working) and answers its URL; {@code …/ical/revoke} does the same and answers {@code icalUrl};
 * DELETE ends it. {@code GET /api/leaders/{id}} shows the current one as {@code icalUrl}. Open to a leader's token for their own
 * leader only (403 for another's), and to coordinators for anyone.
 */
final class CalendarLinkApi {
    private final CalendarFeeds feeds;
    private final URI publicUrl;

    CalendarLinkApi(CalendarFeeds feeds, URI publicUrl) {
        this.feeds = feeds;
        this.publicUrl = publicUrl;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/leaders/{id}/ical", ctx -> {
            String secret = feeds.renew(ownLeader(ctx));
            ctx.status(201).json(Map.of("url", CalendarFeed.url(publicUrl, secret)));
        }, Role.LEADER);
        // Revoking as other systems ask for it: the old link answers 404 and a new one takes its place.
        routes.post("/api/leaders/{id}/ical/revoke", ctx -> {
            String secret = feeds.renew(ownLeader(ctx));
            ctx.json(Map.of("icalUrl", CalendarFeed.url(publicUrl, secret)));
        }, Role.LEADER);
        routes.delete("/api/leaders/{id}/ical", ctx -> {
            feeds.revoke(ownLeader(ctx));
            ctx.status(204);
        }, Role.LEADER);
    }

    /** The leader in the path, if the caller acts for them: a coordinator, or that leader's own account. */
    static long ownLeader(Context ctx) {
        long id = LeadersPage.id(ctx);
        if (!Principal.of(ctx).actsFor(id)) {
            throw new ForbiddenResponse("a leader account has only its own calendar link");
        }
        return id;
    }
}
