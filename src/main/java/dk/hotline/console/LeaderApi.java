package dk.hotline.console;

import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.rota.CalendarFeeds;
import dk.hotline.rota.LeaderDuties;
import dk.hotline.rota.LeaderInput;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Actors;
import dk.hotline.web.JsonBody;
import dk.hotline.web.Principal;
import dk.hotline.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URI;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/leaders}: list, create, read, change and remove group leaders. A leader account's
 * token reads its own leader and switches its own availability; nothing else here. One leader's
 * answer carries their calendar link ({@code icalUrl}), made on first asking.
 */
public final class LeaderApi {
    private final Jdbi jdbi;
    private final Leaders leaders;
    private final AuditLog audit;
    private final CalendarFeeds feeds;
    private final URI publicUrl;
    private final LeaderDuties duties;

    LeaderApi(Jdbi jdbi, Leaders leaders, AuditLog audit, CalendarFeeds feeds, URI publicUrl, LeaderDuties duties) {
        this.duties = duties;
        this.jdbi = jdbi;
        this.leaders = leaders;
        this.audit = audit;
        this.feeds = feeds;
        this.publicUrl = publicUrl;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/leaders", this::list);
        routes.post("/api/leaders", ctx -> ctx.status(201).json(LeaderView.of(leaders.create(JsonBody.read(ctx, LeaderInput.class),
                audit.act(Actors.of(ctx), "leader.create", l -> "leader:" + l.id())), false)));
        routes.get("/api/leaders/{id}", this::one, Role.LEADER);
        routes.patch("/api/leaders/{id}", this::change, Role.LEADER);
        routes.delete("/api/leaders/{id}", ctx -> {
            if (!leaders.delete(id(ctx), duties, audit.act(Actors.of(ctx), "leader.delete", id -> "leader:" + id))) {
                throw notFound();
            }
            ctx.status(204);
        });
    }

    private void list(Context ctx) {
        boolean reveal = Reveal.requested(ctx);
        ctx.json(jdbi.inTransaction(tx -> {
            var all = leaders.all(tx);
            if (reveal) {
                all.forEach(l -> audit.revealed(tx, Actors.of(ctx), "leader:" + l.id(), Reveal.reason(ctx)));
            }
            return all.stream().map(l -> LeaderView.of(l, reveal)).toList();
        }));
    }

    private void one(Context ctx) {
        boolean reveal = Reveal.requested(ctx);
        long id = ownOrCoordinator(ctx);
        ctx.json(jdbi.inTransaction(tx -> {
            var leader = leaders.byId(tx, id).orElseThrow(LeaderApi::notFound);
            if (reveal) {
                audit.revealed(tx, Actors.of(ctx), "leader:" + id, Reveal.reason(ctx));
            }
            return LeaderView.of(leader, reveal);
        }).withCalendar(CalendarFeed.url(publicUrl, feeds.current(id))));
    }

    /**
     * A coordinator changes anything; a leader account only its own availability, the same switch
     * as on its page ({@code /leaders/me}).
     */
    private void change(Context ctx) {
        long id = ownOrCoordinator(ctx);
        var in = JsonBody.read(ctx, LeaderInput.class);
        boolean onlyAvailability = in.name() == null && in.phone() == null && in.languages() == null && in.active() == null;
        if (!Principal.of(ctx).coordinator() && !onlyAvailability) {
            throw new ForbiddenResponse("a leader account changes only its own availability");
        }
        ctx.json(LeaderView.of(leaders.update(id, in, duties, audit.act(Actors.of(ctx), LeaderActs.of(in), l -> "leader:" + l.id()))
                .orElseThrow(LeaderApi::notFound), false));
    }

    /** The leader in the path, when the caller may act for it; 403 for another leader's account. */
    private static long ownOrCoordinator(Context ctx) {
        long id = id(ctx);
        if (!Principal.of(ctx).actsFor(id)) {
            throw new ForbiddenResponse("another leader's");
        }
        return id;
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("no such leader");
    }
}
