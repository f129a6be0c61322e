package dk.hotline.console;

import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.rota.Rota;
import dk.hotline.rota.ShiftInput;
import dk.hotline.rota.Shifts;
import dk.hotline.web.Actors;
import dk.hotline.web.JsonBody;
import dk.hotline.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;

/** {@code /api/shifts} (list, add, move or hand over, remove single shifts) and {@code /api/rota/gaps} (where nobody is on call). */
public final class ShiftApi {
    private final Shifts shifts;
    private final Rota rota;
    private final AuditLog audit;
    private final ZoneId zone;

    ShiftApi(Shifts shifts, Rota rota, AuditLog audit, ZoneId zone) {
        this.shifts = shifts;
        this.audit = audit;
        this.rota = rota;
        this.zone = zone;
    }

    public void register(RoutesConfig routes) {
        // Leaders see the whole week, as on the rota page: who covers the hours around their own.
        routes.get("/api/shifts", this::list, Role.LEADER);
        routes.post("/api/shifts", ctx -> ctx.status(201).json(ShiftView.of(shifts.create(JsonBody.read(ctx, ShiftInput.class),
                audit.act(Actors.of(ctx), "shift.create", s -> "shift:" + s.id())), zone)));
        routes.patch("/api/shifts/{id}", ctx -> ctx.json(ShiftView.of(
                shifts.change(ctx.pathParamAsClass("id", Long.class).get(), JsonBody.read(ctx, ShiftInput.class),
                        audit.act(Actors.of(ctx), "shift.update", s -> "shift:" + s.id())), zone)));
        routes.delete("/api/shifts/{id}", ctx -> {
            if (!shifts.delete(ctx.pathParamAsClass("id", Long.class).get(), audit.act(Actors.of(ctx), "shift.delete", id -> "shift:" + id))) {
                throw new NotFoundException("no such shift");
            }
            ctx.status(204);
        });
        routes.get("/api/rota/gaps", this::gaps, Role.LEADER);
    }

    private void list(Context ctx) {
        var window = ShiftWindow.of(ctx);
        ctx.json(shifts.overlapping(window.from(), window.to()).stream().map(s -> ShiftView.of(s, zone)).toList());
    }

    private void gaps(Context ctx) {
        var window = ShiftWindow.of(ctx);
        ctx.json(rota.coverageGaps(window.from(), window.to()).stream().map(g -> GapView.of(g, zone)).toList());
    }
}
