package dk.hotline.console;

import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.rota.RotaTemplates;
import dk.hotline.rota.ShiftTemplateInput;
import dk.hotline.web.Actors;
import dk.hotline.web.JsonBody;
import io.javalin.config.RoutesConfig;

/**
 * {@code /api/shift-templates}: weekly shifts in local time. Adding one makes its shifts for the
 * coming weeks at once; removing one removes its shifts that have not started.
 */
public final class ShiftTemplateApi {
    private final RotaTemplates templates;
    private final AuditLog audit;

    ShiftTemplateApi(RotaTemplates templates, AuditLog audit) {
        this.templates = templates;
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/shift-templates", ctx -> ctx.json(templates.active().stream().map(ShiftTemplateView::of).toList()));
        routes.post("/api/shift-templates", ctx -> ctx.status(201).json(
                ShiftTemplateView.of(templates.create(JsonBody.read(ctx, ShiftTemplateInput.class),
                        audit.act(Actors.of(ctx), "template.create", t -> "template:" + t.id())))));
        routes.delete("/api/shift-templates/{id}", ctx -> {
            if (!templates.delete(ctx.pathParamAsClass("id", Long.class).get(),
                    audit.act(Actors.of(ctx), "template.delete", id -> "template:" + id))) {
                throw new NotFoundException("no such shift template");
            }
            ctx.status(204);
        });
    }
}
