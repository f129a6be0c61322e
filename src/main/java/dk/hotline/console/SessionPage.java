package dk.hotline.console;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import dk.hotline.groups.Group;
import dk.hotline.groups.Groups;
import dk.hotline.groups.SessionChanges;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * Moving and cancelling one session of a group, for coordinators, through the same {@link
 * SessionChanges} calls as {@code POST /api/groups/{id}/sessions/{sid}/move} and {@code …/cancel}:
 * participants who agreed to texts are texted once, and the reminders follow. Cancelling asks
 * first; the new start is a local date and time in the rota's zone.
 */
final class SessionPage {
    private final Pages pages;
    private final Groups groups;
    private final SessionChanges changes;
    private final GroupPage groupPage;
    private final LocalTimes times;

    SessionPage(Pages pages, Groups groups, SessionChanges changes, GroupPage groupPage, LocalTimes times) {
        this.pages = pages;
        this.groups = groups;
        this.changes = changes;
        this.groupPage = groupPage;
        this.times = times;
    }

    void register(RoutesConfig routes) {
        routes.get("/groups/{id}/sessions/{sid}/move", ctx -> {
            Principal.coordinator(ctx);
            var found = find(ctx);
            showMove(ctx, found, times.input(found.session().start()), FormErrors.NONE);
        });
        routes.post("/groups/{id}/sessions/{sid}/move", this::move);
        routes.get("/groups/{id}/sessions/{sid}/cancel", this::confirmCancel);
        routes.post("/groups/{id}/sessions/{sid}/cancel", this::cancel);
    }

    private void move(Context ctx) {
        Principal.coordinator(ctx);
        var found = find(ctx);
        String typed = GroupsPage.param(ctx, "start");
        try {
            changes.moveSession(found.group().id(), found.session().id(), times.withOffset("start", typed))
                    .orElseThrow(SessionPage::noSession);
        } catch (InvalidInputException | ConflictException e) {
            ctx.status(e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
            showMove(ctx, found, typed, FormErrors.of(e, pages.messages(ctx), "groups", Map.of("status", "")));
            return;
        }
        ctx.redirect("/groups/" + found.group().id() + "?done=moved#sessions", HttpStatus.SEE_OTHER);
    }

    private void showMove(Context ctx, Found found, String start, FormErrors errors) {
        var s = found.session();
        String when = times.day(s.start(), pages.messages(ctx).language().locale()) + " " + times.span(s.start(), s.end());
        pages.render(ctx, "group_move.jte", "session.move.title",
                new SessionMoveView(found.group().id(), found.group().name(), s.id(), when, start, errors));
    }

    private void confirmCancel(Context ctx) {
        Principal.coordinator(ctx);
        var found = find(ctx);
        var s = found.session();
        var t = pages.messages(ctx);
        long texted = found.group().members().stream().filter(Group.Member::smsConsent).count();
        String when = times.day(s.start(), t.language().locale()) + " " + times.span(s.start(), s.end());
        String path = "/groups/" + found.group().id() + "/sessions/" + s.id() + "/cancel";
        pages.render(ctx, "group_confirm.jte", "session.cancel.title", new ConfirmView(t.get("session.cancel.question", when, found.group().name()),
                t.get("session.cancel.consequence", texted), path, t.get("session.cancel.confirm"), "/groups/" + found.group().id() + "#sessions"));
    }

    private void cancel(Context ctx) {
        Principal.coordinator(ctx);
        long group = GroupPage.id(ctx, "id");
        try {
            changes.cancelSession(group, GroupPage.id(ctx, "sid")).orElseThrow(SessionPage::noSession);
        } catch (ConflictException e) {
            ctx.status(HttpStatus.CONFLICT);
            groupPage.show(ctx, group, GroupView.ParticipantForm.EMPTY,
                    FormErrors.of(e, pages.messages(ctx), "groups", Map.of("status", "", "start", "")), "");
            return;
        }
        ctx.redirect("/groups/" + group + "?done=cancelled#sessions", HttpStatus.SEE_OTHER);
    }

    /** A group and one of its sessions. */
    private record Found(Group group, Group.Session session) {}

    private Found find(Context ctx) {
        long sid = GroupPage.id(ctx, "sid");
        var group = groups.byId(GroupPage.id(ctx, "id")).orElseThrow(SessionPage::noSession);
        return group.sessions().stream().filter(s -> s.id() == sid).findFirst().map(s -> new Found(group, s))
                .orElseThrow(SessionPage::noSession);
    }

    private static NotFoundException noSession() {
        return new NotFoundException("no such session");
    }
}
