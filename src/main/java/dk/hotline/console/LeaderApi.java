package dk.hotline.console;

import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.rota.LeaderInput;
import dk.hotline.rota.Leaders;
import dk.hotline.web.JsonBody;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

/** {@code /api/leaders}: list, create, read, change and remove group leaders. */
public final class LeaderApi {
    private final Jdbi jdbi;
    private final Leaders leaders;
    private final AuditLog audit;

    LeaderApi(Jdbi jdbi, Leaders leaders, AuditLog audit) {
        this.jdbi = jdbi;
        this.leaders = leaders;
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/leaders", this::list);
        routes.post("/api/leaders", ctx -> ctx.status(201).json(LeaderView.of(leaders.create(JsonBody.read(ctx, LeaderInput.class)), false)));
        routes.get("/api/leaders/{id}", this::one);
        routes.patch("/api/leaders/{id}", ctx -> ctx.json(LeaderView.of(
                leaders.update(id(ctx), JsonBody.read(ctx, LeaderInput.class)).orElseThrow(LeaderApi::notFound), false)));
        routes.delete("/api/leaders/{id}", ctx -> {
            if (!leaders.delete(id(ctx))) {
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
                all.forEach(l -> audit.revealed(tx, Principal.of(ctx).accountId(), "leader:" + l.id(), Reveal.reason(ctx)));
            }
            return all.stream().map(l -> LeaderView.of(l, reveal)).toList();
        }));
    }

    private void one(Context ctx) {
        boolean reveal = Reveal.requested(ctx);
        long id = id(ctx);
        ctx.json(jdbi.inTransaction(tx -> {
            var leader = leaders.byId(tx, id).orElseThrow(LeaderApi::notFound);
            if (reveal) {
                audit.revealed(tx, Principal.of(ctx).accountId(), "leader:" + id, Reveal.reason(ctx));
            }
            return LeaderView.of(leader, reveal);
        }));
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("no such leader");
    }
}
