package dk.hotline.console;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.common.NotFoundException;
import dk.hotline.common.ServiceException;
import dk.hotline.groups.Groups;
import dk.hotline.groups.ParticipantInput;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /groups/{id}}: one group, for coordinators. Its sessions (moving and cancelling them is
 * {@link SessionPage}'s), its participants, adding one as {@code POST /api/groups/{id}/participants}
 * does and removing one (after a question) as {@code DELETE …/participants/{pid}} does, through
 * the same {@link Groups} calls.
 */
record GroupPage(Jdbi jdbi, Pages pages, Groups groups, Leaders leaders, LocalTimes times, Clock clock) {
    /** What a redirect back here may say was done; anything else in {@code ?done=} is ignored. */
    private static final Set<String> DONE = Set.of("created", "added", "removed", "cancelled", "moved");

    void register(RoutesConfig routes) {
        routes.get("/groups/{id}", ctx -> {
            Principal.coordinator(ctx);
            String done = Optional.ofNullable(ctx.queryParam("done")).filter(DONE::contains).orElse("");
            show(ctx, id(ctx, "id"), GroupView.ParticipantForm.EMPTY, FormErrors.NONE,
                    done.isEmpty() ? "" : pages.messages(ctx).get("group.done." + done));
        });
        routes.post("/groups/{id}/participants", this::add);
        routes.get("/groups/{id}/participants/{pid}/remove", this::confirmRemoval);
        routes.post("/groups/{id}/participants/{pid}/remove", ctx -> {
            Principal.coordinator(ctx);
            long group = id(ctx, "id");
            if (!groups.removeParticipant(group, id(ctx, "pid"))) {
                throw new NotFoundException("no such participant");
            }
            ctx.redirect("/groups/" + group + "?done=removed#participants", HttpStatus.SEE_OTHER);
        });
    }

    private void add(Context ctx) {
        Principal.coordinator(ctx);
        long id = id(ctx, "id");
        var form = new GroupView.ParticipantForm(GroupsPage.param(ctx, "name"), GroupsPage.param(ctx, "phone"),
                GroupsPage.param(ctx, "smsConsent"), GroupsPage.param(ctx, "language"));
        Boolean consent = switch (form.smsConsent()) {
            case "true" -> true;
            case "false" -> false;
            default -> null;
        };
        try {
            groups.addParticipant(id, new ParticipantInput(form.name(), form.phone(), consent,
                    form.language().isBlank() ? null : form.language()));
        } catch (InvalidInputException | ConflictException e) {
            ctx.status(e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
            show(ctx, id, form, refusal(ctx, e), "");
            return;
        }
        ctx.redirect("/groups/" + id + "?done=added#participants", HttpStatus.SEE_OTHER);
    }

    /** The participant form's fields; the consent question's first radio button; a full group is no field of it. */
    private FormErrors refusal(Context ctx, ServiceException e) {
        return FormErrors.of(e, pages.messages(ctx), "groups", Map.of("smsConsent", "smsConsent-yes", "capacity", ""));
    }

    private void confirmRemoval(Context ctx) {
        Principal.coordinator(ctx);
        long id = id(ctx, "id");
        long pid = id(ctx, "pid");
        var group = groups.byId(id).orElseThrow(() -> new NotFoundException("no such group"));
        var member = group.members().stream().filter(m -> m.id() == pid).findFirst()
                .orElseThrow(() -> new NotFoundException("no such participant"));
        var t = pages.messages(ctx);
        pages.render(ctx, "group_confirm.jte", "group.remove.title", new ConfirmView(
                t.get("group.remove.question", member.name(), group.name()), t.get("group.remove.consequence"),
                "/groups/" + id + "/participants/" + pid + "/remove", t.get("group.remove.confirm"), "/groups/" + id + "#participants"));
    }

    /** The group's page; {@code errors} from a refused form, {@code notice} after something was done. */
    void show(Context ctx, long id, GroupView.ParticipantForm form, FormErrors errors, String notice) {
        var group = groups.byId(id).orElseThrow(() -> new NotFoundException("no such group"));
        Messages t = pages.messages(ctx);
        var locale = t.language().locale();
        var now = clock.instant();
        String leader = jdbi.inTransaction(tx -> leaders.byId(tx, group.leaderId())).map(l -> l.name()).orElse("");
        var sessions = group.sessions().stream().map(s -> {
            boolean cancelled = "cancelled".equals(s.status());
            boolean ahead = s.start().isAfter(now);
            String status = cancelled ? "cancelled" : ahead ? "scheduled" : s.end().isAfter(now) ? "now" : "held";
            return new GroupView.SessionRow(s.id(), times.day(s.start(), locale), times.span(s.start(), s.end()),
                    t.get("group.status." + status), cancelled, s.attending(), s.notAttending(), !cancelled && ahead);
        }).toList();
        var members = group.members().stream().map(m -> new GroupView.MemberRow(m.id(), m.name(), m.phone(),
                t.get(m.smsConsent() ? "groups.yes" : "groups.no"),
                t.get(m.language() == Language.ENGLISH ? "language.english" : "language.danish"))).toList();
        pages.render(ctx, "group.jte", "group.title", new GroupView(group.id(), group.name(), group.smsName(), group.location(),
                leader, group.capacity(), group.participants(), sessions, members, form, errors, notice));
    }

    static long id(Context ctx, String name) {
        return ctx.pathParamAsClass(name, Long.class).get();
    }
}
