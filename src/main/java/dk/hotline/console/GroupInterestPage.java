package dk.hotline.console;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.common.NotFoundException;
import dk.hotline.groups.Group;
import dk.hotline.groups.GroupInterest;
import dk.hotline.groups.GroupInvitations;
import dk.hotline.groups.Groups;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /groups/interest}: the interest list, for coordinators, through the same calls as
 * {@code /api/group-interest}: who texted GRUPPE or chose groups in a call, oldest first, numbers
 * masked; inviting one of them to a group (one discreet text), and erasing an entry after a question.
 */
final class GroupInterestPage {
    private static final Set<String> DONE = Set.of("invited", "removed");

    private final Jdbi jdbi;
    private final Pages pages;
    private final Groups groups;
    private final GroupInterest interest;
    private final GroupInvitations invitations;
    private final LocalTimes times;

    GroupInterestPage(Jdbi jdbi, Pages pages, Groups groups, GroupInterest interest, GroupInvitations invitations,
                      LocalTimes times) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.groups = groups;
        this.interest = interest;
        this.invitations = invitations;
        this.times = times;
    }

    void register(RoutesConfig routes) {
        routes.get("/groups/interest", ctx -> {
            Principal.coordinator(ctx);
            String done = Optional.ofNullable(ctx.queryParam("done")).filter(DONE::contains).orElse("");
            show(ctx, FormErrors.NONE, 0, "", done.isEmpty() ? "" : pages.messages(ctx).get("groupInterest.done." + done));
        });
        routes.post("/groups/interest/{id}/invite", this::invite);
        routes.get("/groups/interest/{id}/remove", this::confirmRemoval);
        routes.post("/groups/interest/{id}/remove", ctx -> {
            Principal.coordinator(ctx);
            long id = GroupPage.id(ctx, "id");
            if (!jdbi.inTransaction(tx -> interest.erase(tx, id))) {
                throw new NotFoundException("no such interest entry");
            }
            ctx.redirect("/groups/interest?done=removed", HttpStatus.SEE_OTHER);
        });
    }

    private void invite(Context ctx) {
        Principal.coordinator(ctx);
        long id = GroupPage.id(ctx, "id");
        String chosen = GroupsPage.param(ctx, "groupId");
        try {
            invitations.invite(id, GroupsPage.number("groupId", chosen));
        } catch (InvalidInputException | ConflictException e) {
            ctx.status(e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
            // Each entry has its own group choice: the refusal is beside this entry's.
            show(ctx, FormErrors.of(e, pages.messages(ctx), "groups", Map.of("groupId", "group-" + id, "phone", "group-" + id)),
                    id, chosen, "");
            return;
        }
        ctx.redirect("/groups/interest?done=invited", HttpStatus.SEE_OTHER);
    }

    private void confirmRemoval(Context ctx) {
        Principal.coordinator(ctx);
        long id = GroupPage.id(ctx, "id");
        var entry = jdbi.inTransaction(tx -> interest.list(tx)).stream().filter(e -> e.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("no such interest entry"));
        var t = pages.messages(ctx);
        pages.render(ctx, "group_confirm.jte", "groupInterest.remove.title", new ConfirmView(
                t.get("groupInterest.remove.question", entry.phone() == null ? "" : entry.phone().masked()),
                t.get("groupInterest.remove.consequence"), "/groups/interest/" + id + "/remove", t.get("groupInterest.remove.confirm"),
                "/groups/interest"));
    }

    /** The list; {@code errors} about entry {@code refused}, whose chosen group {@code chosen} stays chosen. */
    private void show(Context ctx, FormErrors errors, long refused, String chosen, String notice) {
        var t = pages.messages(ctx);
        var locale = t.language().locale();
        List<Group> all = groups.all();
        Map<Long, String> names = all.stream().collect(Collectors.toMap(Group::id, Group::name));
        var rows = jdbi.inTransaction(tx -> interest.list(tx)).stream().map(e -> new InterestView.Row(e.id(),
                e.phone() == null ? "" : e.phone().masked(),
                t.get(e.language() == Language.ENGLISH ? "language.english" : "language.danish"),
                t.get("groupInterest.source." + e.source()), times.dayAndTime(e.createdAt(), locale),
                e.invitedAt() == null ? "" : t.get("groupInterest.invitedTo", names.getOrDefault(e.invitedGroupId(), "?"),
                        times.day(e.invitedAt(), locale)),
                e.id() == refused ? chosen : "")).toList();
        var choices = all.stream().map(g -> new GroupsView.Choice(String.valueOf(g.id()), g.name(), false)).toList();
        pages.render(ctx, "group_interest.jte", "groupInterest.title", new InterestView(rows, choices, errors, notice));
    }
}
