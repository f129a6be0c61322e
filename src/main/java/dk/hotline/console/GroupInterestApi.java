package dk.hotline.console;

import dk.hotline.common.NotFoundException;
import dk.hotline.groups.GroupInterest;
import dk.hotline.groups.GroupInvitations;
import dk.hotline.privacy.AuditLog;
import dk.hotline.web.Actors;
import dk.hotline.web.JsonBody;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/group-interest}: the people who asked to hear about a support group, oldest first;
 * inviting one of them to a group, and erasing an entry.
 */
public final class GroupInterestApi {
    private final Jdbi jdbi;
    private final GroupInterest interest;
    private final GroupInvitations invitations;
    private final AuditLog audit;
    private final ZoneId zone;

    GroupInterestApi(Jdbi jdbi, GroupInterest interest, GroupInvitations invitations, AuditLog audit, ZoneId zone) {
        this.jdbi = jdbi;
        this.interest = interest;
        this.invitations = invitations;
        this.audit = audit;
        this.zone = zone;
    }

    record InviteInput(Long groupId) {}

    record View(long id, String phone, String language, String source, String createdAt, String invitedAt,
                Long invitedGroupId) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/group-interest", this::list);
        routes.post("/api/group-interest/{id}/invite", ctx -> {
            long id = id(ctx);
            var input = JsonBody.read(ctx, InviteInput.class);
            ctx.json(view(invitations.invite(id, input.groupId()), false));
        });
        routes.delete("/api/group-interest/{id}", ctx -> {
            long id = id(ctx);
            if (!jdbi.inTransaction(tx -> interest.erase(tx, id))) {
                throw new NotFoundException("no such interest entry");
            }
            ctx.status(204);
        });
    }

    private void list(Context ctx) {
        boolean reveal = Reveal.requested(ctx);
        ctx.json(jdbi.inTransaction(tx -> {
            var all = interest.list(tx);
            if (reveal) {
                all.forEach(e -> audit.revealed(tx, Actors.of(ctx), "group-interest:" + e.id(), Reveal.reason(ctx)));
            }
            return all.stream().map(e -> view(e, reveal)).toList();
        }));
    }

    private View view(GroupInterest.Entry e, boolean reveal) {
        String phone = e.phone() == null ? null : reveal ? e.phone().e164() : e.phone().masked();
        return new View(e.id(), phone, e.language().code(), e.source(), local(e.createdAt()), local(e.invitedAt()), e.invitedGroupId());
    }

    private String local(Instant at) {
        return at == null ? null : ShiftView.local(at, zone);
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }
}
