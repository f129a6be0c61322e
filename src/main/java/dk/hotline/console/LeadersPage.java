package dk.hotline.console;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.Audited;
import dk.hotline.rota.Leader;
import dk.hotline.rota.LeaderDuties;
import dk.hotline.rota.LeaderInput;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Actors;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /leaders}: Ledere / Leaders. A coordinator lists the leaders (numbers masked), adds one,
 * changes one, (de)activates one and switches one's availability with one click (htmx swaps the
 * row; without it the form posts and comes back). A leader account has {@code /leaders/me}
 * instead: who it is, and its own availability switch, which is the same switch, only for itself.
 * Both a leader's own page and the coordinator's page for a leader carry its calendar link
 * ({@link CalendarLinkPage}).
 * Everything goes through {@link Leaders}, as {@code /api/leaders} does.
 */
final class LeadersPage {
    private static final Set<String> DONE = Set.of("added", "saved", "activated", "deactivated", "available", "unavailable");

    private final Jdbi jdbi;
    private final Pages pages;
    private final Leaders leaders;
    private final LeaderDuties duties;
    private final CalendarLinkPage calendar;
    private final AuditLog audit;

    LeadersPage(Jdbi jdbi, Pages pages, Leaders leaders, CalendarLinkPage calendar, LeaderDuties duties, AuditLog audit) {
        this.duties = duties;
        this.audit = audit;
        this.jdbi = jdbi;
        this.pages = pages;
        this.leaders = leaders;
        this.calendar = calendar;
    }

    void register(RoutesConfig routes) {
        routes.get("/leaders", ctx -> list(ctx, LeaderForm.blank()));
        routes.post("/leaders", this::add);
        routes.get("/leaders/me", this::self);
        routes.get("/leaders/{id}/edit", ctx -> {
            Principal.coordinator(ctx);
            Leader leader = leader(id(ctx));
            edit(ctx, leader, LeaderForm.of(leader));
        });
        routes.post("/leaders/{id}", this::save);
        routes.post("/leaders/{id}/active", this::activate);
        routes.post("/leaders/{id}/available", this::available);
    }

    private void list(Context ctx, LeaderForm form) {
        Principal.coordinator(ctx);
        Messages t = pages.messages(ctx);
        var rows = jdbi.withHandle(leaders::all).stream().map(l -> row(l, t)).toList();
        pages.render(ctx, "leaders.jte", "leaders.title", new LeadersView(rows, notice(ctx, t, "leaders.done."), form));
    }

    private void add(Context ctx) {
        Principal.coordinator(ctx);
        var form = LeaderForm.read(ctx);
        try {
            var created = leaders.create(form.input(), audit.act(Actors.of(ctx), "leader.create", l -> "leader:" + l.id()));
            ctx.redirect("/leaders?done=added&id=" + created.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | ConflictException e) {
            ctx.status(FormErrors.status(e));
            list(ctx, form.with(FormErrors.of(e, pages.messages(ctx), "leaders", LeaderForm.ANCHORS)));
        }
    }

    private void edit(Context ctx, Leader leader, LeaderForm form) {
        pages.render(ctx, "leader_edit.jte", "leaders.edit.title",
                new LeaderEditView(leader.id(), leader.name(), leader.phone().masked(), leader.active(), form,
                        calendar.view(ctx, leader.id(), false)));
    }

    private void save(Context ctx) {
        Principal.coordinator(ctx);
        long id = id(ctx);
        var form = LeaderForm.read(ctx);
        try {
            var in = form.input();
            leaders.update(id, in, duties, audited(ctx, in)).orElseThrow(LeadersPage::notFound);
            ctx.redirect("/leaders?done=saved&id=" + id, HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | ConflictException e) {
            ctx.status(FormErrors.status(e));
            edit(ctx, leader(id), form.with(FormErrors.of(e, pages.messages(ctx), "leaders", LeaderForm.ANCHORS)));
        }
    }

    private void activate(Context ctx) {
        Principal.coordinator(ctx);
        long id = id(ctx);
        boolean active = flag(ctx, "active");
        var in = new LeaderInput(null, null, null, active, null);
        leaders.update(id, in, duties, audited(ctx, in)).orElseThrow(LeadersPage::notFound);
        ctx.redirect("/leaders?done=" + (active ? "activated" : "deactivated") + "&id=" + id, HttpStatus.SEE_OTHER);
    }

    /** The one-click switch: a coordinator for anyone, a leader account for itself only. */
    private void available(Context ctx) {
        Principal principal = Principal.of(ctx);
        long id = id(ctx);
        if (!principal.actsFor(id)) {
            throw new ForbiddenResponse("a leader account switches only its own availability");
        }
        boolean available = flag(ctx, "available");
        var in = new LeaderInput(null, null, null, null, available);
        var leader = leaders.update(id, in, duties, audited(ctx, in)).orElseThrow(LeadersPage::notFound);
        if (ctx.header("HX-Request") != null && principal.coordinator()) {
            pages.fragment(ctx, "leaders_row.jte", row(leader, pages.messages(ctx)));
            return;
        }
        String done = "done=" + (available ? "available" : "unavailable");
        ctx.redirect(principal.coordinator() ? "/leaders?" + done + "&id=" + id : "/leaders/me?" + done, HttpStatus.SEE_OTHER);
    }

    private Audited<Leader> audited(Context ctx, LeaderInput in) {
        return audit.act(Actors.of(ctx), LeaderActs.of(in), l -> "leader:" + l.id());
    }

    private void self(Context ctx) {
        Principal principal = Principal.of(ctx);
        if (principal.leaderId().isEmpty()) {
            ctx.redirect("/leaders", HttpStatus.SEE_OTHER);
            return;
        }
        Messages t = pages.messages(ctx);
        var leader = leader(principal.leaderId().get());
        var notice = Optional.ofNullable(ctx.queryParam("done")).filter(Set.of("available", "unavailable")::contains)
                .map(done -> t.get("leaders.me.done." + done));
        pages.render(ctx, "leader_me.jte", "leaders.me.title", new LeaderSelfView(row(leader, t), notice,
                calendar.view(ctx, leader.id(), true)));
    }

    /** "Anna is added": what {@code ?done=…&id=…} says was just done, in words. */
    private Optional<String> notice(Context ctx, Messages t, String prefix) {
        String done = ctx.queryParam("done");
        if (done == null || !DONE.contains(done)) {
            return Optional.empty();
        }
        String name = Optional.ofNullable(ctx.queryParam("id")).flatMap(LeadersPage::parseId)
                .flatMap(id -> jdbi.withHandle(tx -> leaders.byId(tx, id))).map(Leader::name).orElse("");
        return Optional.of(t.get(prefix + done, name));
    }

    static LeadersView.Row row(Leader l, Messages t) {
        String languages = l.languages().stream().map(lang -> t.get("leaders.language." + lang.code()))
                .collect(Collectors.joining(", "));
        return new LeadersView.Row(l.id(), l.name(), l.phone().masked(), languages, l.active(), l.available());
    }

    private Leader leader(long id) {
        return jdbi.withHandle(tx -> leaders.byId(tx, id)).orElseThrow(LeadersPage::notFound);
    }

    private static boolean flag(Context ctx, String field) {
        String raw = ctx.formParam(field);
        if (!"true".equals(raw) && !"false".equals(raw)) {
            throw new InvalidInputException(field, "must be true or false");
        }
        return Boolean.parseBoolean(raw);
    }

    static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }

    private static Optional<Long> parseId(String raw) {
        try {
            return Optional.of(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static NotFoundException notFound() {
        return new NotFoundException("no such leader");
    }
}
