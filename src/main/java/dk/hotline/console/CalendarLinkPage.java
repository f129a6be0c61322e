package dk.hotline.console;

import dk.hotline.rota.CalendarFeeds;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Kalenderlink / Calendar link, on a leader's own page ({@code /leaders/me}) and on a
 * coordinator's page for a leader ({@code /leaders/{id}/edit}): make a new link, shown once on the
 * answer to the post (not in a URL, not after a redirect), or revoke it. A leader account acts only
 * for itself.
 */
final class CalendarLinkPage {
    private static final String REVOKED = "calendarRevoked";

    private final Jdbi jdbi;
    private final Pages pages;
    private final Leaders leaders;
    private final CalendarFeeds feeds;
    private final URI publicUrl;
    private final LocalTimes times;

    CalendarLinkPage(Jdbi jdbi, Pages pages, Leaders leaders, CalendarFeeds feeds, URI publicUrl, LocalTimes times) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.leaders = leaders;
        this.feeds = feeds;
        this.publicUrl = publicUrl;
        this.times = times;
    }

    void register(RoutesConfig routes) {
        routes.post("/leaders/{id}/ical", this::make);
        routes.post("/leaders/{id}/ical/revoke", this::revoke);
    }

    /** The section for a leader's page; {@code ?done=calendarRevoked} says the link was just revoked. */
    CalendarLinkView view(Context ctx, long leaderId, boolean self) {
        Messages t = pages.messages(ctx);
        var since = feeds.since(leaderId).map(at -> times.dayAndTime(at, t.language().locale()));
        var notice = Optional.ofNullable(ctx.queryParam("done")).filter(REVOKED::equals).map(done -> t.get("calendar.revoked"));
        return new CalendarLinkView(leaderId, self, since, notice);
    }

    private void make(Context ctx) {
        long id = CalendarLinkApi.ownLeader(ctx);
        Leader leader = jdbi.withHandle(tx -> leaders.byId(tx, id)).orElseThrow(LeadersPage::notFound);
        String link = CalendarFeed.url(publicUrl, feeds.renew(id));
        boolean self = !Principal.of(ctx).coordinator();
        pages.render(ctx, "calendar_link.jte", "calendar.made.title",
                new CalendarLinkMadeView(leader.name(), self, link, back(ctx, id)));
    }

    private void revoke(Context ctx) {
        long id = CalendarLinkApi.ownLeader(ctx);
        feeds.revoke(id);
        ctx.redirect(back(ctx, id) + "?done=" + REVOKED + "#calendar", HttpStatus.SEE_OTHER);
    }

    /** The page the section is on: the leader's own, or the coordinator's page for that leader. */
    private static String back(Context ctx, long id) {
        return Principal.of(ctx).coordinator() ? "/leaders/" + id + "/edit" : "/leaders/me";
    }
}
