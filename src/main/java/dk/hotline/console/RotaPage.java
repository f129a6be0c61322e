package dk.hotline.console;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.Audited;
import dk.hotline.rota.RotaModule;
import dk.hotline.rota.Shift;
import dk.hotline.rota.ShiftInput;
import dk.hotline.rota.ShiftTemplateInput;
import dk.hotline.web.Actors;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code /rota}: Vagtplan / Rota, one ISO week ({@code ?week=2026-W49}, this week without) in the
 * rota's zone. Everyone signed in sees the week; only a coordinator adds, moves, hands over and
 * deletes shifts and weekly shifts (every post is 403 for a leader account), each through the one
 * service call the JSON API makes. A post redirects to the week with a notice; a refused one shows
 * the page again with what was typed and the error beside its field.
 */
final class RotaPage {
    private static final Set<String> NOTICES = Set.of("added", "moved", "handedOver", "deleted", "templateAdded",
            "templateDeleted");

    private final Pages pages;
    private final RotaModule rota;
    private final RotaPageView views;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;

    RotaPage(RotaPageView views, Pages pages, RotaModule rota, AuditLog audit, ZoneId zone, Clock clock) {
        this.views = views;
        this.audit = audit;
        this.pages = pages;
        this.rota = rota;
        this.zone = zone;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/rota", ctx -> {
            var notice = Optional.ofNullable(ctx.queryParam("done")).filter(NOTICES::contains)
                    .map(done -> pages.messages(ctx).get("rota.done." + done)).orElse("");
            show(ctx, week(ctx.queryParam("week")), selected(ctx), notice, RotaInput.Refused.NONE);
        });
        routes.post("/rota/shifts", this::addShift);
        routes.post("/rota/shifts/{id}/move", this::moveShift);
        routes.post("/rota/shifts/{id}/hand-over", this::handOver);
        routes.post("/rota/shifts/{id}/delete", ctx -> {
            Principal.coordinator(ctx);
            if (!rota.shifts().delete(id(ctx), audit.act(Actors.of(ctx), "shift.delete", id -> "shift:" + id))) {
                throw new NotFoundException("no such shift");
            }
            done(ctx, postedWeek(ctx), "deleted");
        });
        routes.post("/rota/templates", this::addTemplate);
        routes.post("/rota/templates/{id}/delete", ctx -> {
            Principal.coordinator(ctx);
            if (!rota.templates().delete(id(ctx), audit.act(Actors.of(ctx), "template.delete", id -> "template:" + id))) {
                throw new NotFoundException("no such shift template");
            }
            done(ctx, postedWeek(ctx), "templateDeleted");
        });
    }

    private void addShift(Context ctx) {
        Principal.coordinator(ctx);
        var values = RotaInput.values(ctx, RotaInput.SHIFT);
        try {
            Shift shift = rota.shifts().create(new ShiftInput(RotaInput.leaderId(values),
                    RotaInput.offsetTime("start", values, zone, Optional.empty()),
                    RotaInput.offsetTime("end", values, zone, Optional.empty())), audit.act(Actors.of(ctx), "shift.create", s -> "shift:" + s.id()));
            done(ctx, RotaWeek.containing(shift.start(), zone), "added");
        } catch (InvalidInputException | ConflictException e) {
            refused(ctx, new RotaInput.Refused("add", 0, values, e));
        }
    }

    /** New times, the same leader; the times the form was filled with keep their offset in the hour that repeats. */
    private void moveShift(Context ctx) {
        Principal.coordinator(ctx);
        long id = id(ctx);
        var values = RotaInput.values(ctx, RotaInput.MOVE);
        var week = postedWeek(ctx);
        var current = rota.shifts().overlapping(week.from(), week.to()).stream().filter(s -> s.id() == id).findFirst();
        try {
            RotaInput.required("start", values);
            RotaInput.required("end", values);
            Shift shift = rota.shifts().change(id, new ShiftInput(null,
                    RotaInput.offsetTime("start", values, zone, current.map(Shift::start)),
                    RotaInput.offsetTime("end", values, zone, current.map(Shift::end))), shiftUpdate(ctx));
            done(ctx, RotaWeek.containing(shift.start(), zone), "moved");
        } catch (InvalidInputException | ConflictException e) {
            refused(ctx, new RotaInput.Refused("move", id, values, e));
        }
    }

    /** The same times, another leader. */
    private void handOver(Context ctx) {
        Principal.coordinator(ctx);
        long id = id(ctx);
        var values = RotaInput.values(ctx, RotaInput.HAND_OVER);
        try {
            RotaInput.required("leaderId", values);
            rota.shifts().change(id, new ShiftInput(RotaInput.leaderId(values), null, null), shiftUpdate(ctx));
            done(ctx, postedWeek(ctx), "handedOver");
        } catch (InvalidInputException | ConflictException e) {
            refused(ctx, new RotaInput.Refused("handOver", id, values, e));
        }
    }

    private void addTemplate(Context ctx) {
        Principal.coordinator(ctx);
        var values = RotaInput.values(ctx, RotaInput.TEMPLATE);
        try {
            rota.templates().create(new ShiftTemplateInput(RotaInput.leaderId(values), blankIsNull(values.get("weekday")),
                    blankIsNull(values.get("start")), blankIsNull(values.get("end"))),
                    audit.act(Actors.of(ctx), "template.create", t -> "template:" + t.id()));
            done(ctx, postedWeek(ctx), "templateAdded");
        } catch (InvalidInputException | ConflictException e) {
            refused(ctx, new RotaInput.Refused("template", 0, values, e));
        }
    }

    private Audited<Shift> shiftUpdate(Context ctx) {
        return audit.act(Actors.of(ctx), "shift.update", s -> "shift:" + s.id());
    }

    private void refused(Context ctx, RotaInput.Refused refused) {
        ctx.status(refused.error() instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
        show(ctx, postedWeek(ctx), refused.shiftId() == 0 ? OptionalLong.empty() : OptionalLong.of(refused.shiftId()), "", refused);
    }

    private void show(Context ctx, RotaWeek week, OptionalLong selected, String notice, RotaInput.Refused refused) {
        pages.render(ctx, "rota.jte", "rota.title", views.view(Principal.of(ctx), pages.messages(ctx), week,
                clock.instant(), selected, notice, refused));
    }

    /** To the week with the notice of what was done (POST/redirect/GET). */
    private static void done(Context ctx, RotaWeek week, String what) {
        ctx.redirect("/rota?week=" + week.code() + "&done=" + what, HttpStatus.SEE_OTHER);
    }

    private RotaWeek week(String raw) {
        return RotaWeek.parse(raw, zone, clock.instant());
    }

    /** The week a form was posted from (its hidden {@code week}); this week if it is missing or odd. */
    private RotaWeek postedWeek(Context ctx) {
        try {
            return week(ctx.formParam("week"));
        } catch (InvalidInputException e) {
            return week(null);
        }
    }

    private static OptionalLong selected(Context ctx) {
        try {
            String raw = ctx.queryParam("shift");
            return raw == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }

    private static String blankIsNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
