package dk.hotline.console;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.ServiceException;
import dk.hotline.followups.CallbackCalls;
import dk.hotline.followups.CallbackRequest;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /callbacks}: Tilbageringninger / Callbacks. The open requests first, each with "ring op
 * gennem tjenesten" (a coordinator picks the leader, a leader account rings itself), "markér som
 * klaret" and "vis nummer" ({@link CallbackRevealPage}); then those handled in the last 14 days.
 * A leader account sees only the requests it was told of or rung for ({@link CallbackAccess}).
 */
final class CallbacksPage {
    private static final Duration HANDLED = Duration.ofDays(14);
    private static final Set<String> DONE = Set.of("calling", "done");

    private final Jdbi jdbi;
    private final Pages pages;
    private final CallbackRequests callbacks;
    private final CallbackCalls calls;
    private final Leaders leaders;
    private final LocalTimes times;
    private final Clock clock;

    CallbacksPage(Jdbi jdbi, Pages pages, CallbackRequests callbacks, CallbackCalls calls, Leaders leaders, LocalTimes times,
                  Clock clock) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.callbacks = callbacks;
        this.calls = calls;
        this.leaders = leaders;
        this.times = times;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/callbacks", ctx -> show(ctx, notice(ctx), FormErrors.NONE));
        routes.post("/callbacks/{id}/call", this::call);
        routes.post("/callbacks/{id}/done", this::done);
    }

    private void call(Context ctx) {
        Principal principal = Principal.of(ctx);
        long id = id(ctx);
        jdbi.useHandle(tx -> CallbackAccess.find(tx, callbacks, principal, id));
        try {
            long leader = CallbackAccess.leaderToRing(principal, leaderField(ctx));
            if (calls.start(id, leader).isEmpty()) {
                throw new ConflictException("request", "no longer open");
            }
            ctx.redirect("/callbacks?done=calling&id=" + id, HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            ctx.status(FormErrors.status(e));
            show(ctx, Optional.empty(), FormErrors.of(e, pages.messages(ctx), "callbacks",
                    Map.of("leaderId", "leader-" + id, "request", "request-" + id)));
        }
    }

    private void done(Context ctx) {
        Principal principal = Principal.of(ctx);
        long id = id(ctx);
        jdbi.useTransaction(tx -> {
            CallbackAccess.find(tx, callbacks, principal, id);
            callbacks.done(tx, id, principal.accountId());
        });
        ctx.redirect("/callbacks?done=done&id=" + id, HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, Optional<String> notice, FormErrors errors) {
        Principal principal = Principal.of(ctx);
        Messages t = pages.messages(ctx);
        var view = jdbi.inTransaction(tx -> {
            Map<Long, String> names = leaders.all(tx).stream().collect(Collectors.toMap(Leader::id, Leader::name));
            var notDone = new ArrayList<>(callbacks.list(tx, "open"));
            notDone.addAll(callbacks.list(tx, "calling"));
            notDone.sort(Comparator.comparing(CallbackRequest::createdAt));
            var open = CallbackAccess.visible(tx, callbacks, principal, notDone).stream().map(r -> row(r, names, t)).toList();
            var handled = CallbackAccess.visible(tx, callbacks, principal,
                    callbacks.handledSince(tx, clock.instant().minus(HANDLED))).stream().map(r -> row(r, names, t)).toList();
            var choices = principal.coordinator()
                    ? leaders.all(tx).stream().filter(Leader::active).map(l -> new CallbacksView.Choice(l.id(), l.name())).toList()
                    : List.<CallbacksView.Choice>of();
            return new CallbacksView(notice, errors, principal.coordinator(), choices, open, handled);
        });
        pages.render(ctx, "callbacks.jte", "callbacks.title", view);
    }

    private CallbacksView.Row row(CallbackRequest r, Map<Long, String> names, Messages t) {
        var locale = t.language().locale();
        String told = r.toldLeaderIds().isEmpty() ? t.get("callbacks.toldNobody")
                : r.toldLeaderIds().stream().map(id -> names.getOrDefault(id, t.get("callbacks.removed")))
                        .collect(Collectors.joining(", "));
        String call = r.lastCall().map(c -> t.get("callbacks.call." + c.state().code(),
                names.getOrDefault(c.leaderId(), t.get("callbacks.removed")))).orElse(t.get("callbacks.call.none"));
        return new CallbacksView.Row(r.id(), times.dayAndTime(r.createdAt(), locale),
                t.get("callbacks.language." + r.language().code()), t.get("today.time." + r.preferredTime()),
                r.phone() == null ? t.get("callbacks.notStored") : r.phone().masked(), told, call,
                r.doneAt() == null ? "" : times.dayAndTime(r.doneAt(), locale));
    }

    /** "Maja is being rung": what {@code ?done=…&id=…} says was just done. */
    private Optional<String> notice(Context ctx) {
        String done = ctx.queryParam("done");
        if (done == null || !DONE.contains(done)) {
            return Optional.empty();
        }
        return Optional.of(pages.messages(ctx).get("callbacks.done." + done, Optional.ofNullable(ctx.queryParam("id"))
                .filter(s -> s.matches("[0-9]{1,18}")).orElse("")));
    }

    private static Long leaderField(Context ctx) {
        String raw = ctx.formParam("leaderId");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("leaderId", "not a leader");
        }
    }

    static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }
}
