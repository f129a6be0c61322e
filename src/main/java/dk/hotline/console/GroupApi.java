package dk.hotline.console;

import dk.hotline.common.NotFoundException;
import dk.hotline.groups.Group;
import dk.hotline.groups.GroupInput;
import dk.hotline.groups.Groups;
import dk.hotline.groups.ParticipantInput;
import dk.hotline.groups.SessionChanges;
import dk.hotline.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** {@code /api/groups}: support groups, their sessions and participants. */
public final class GroupApi {
    private final Groups groups;
    private final SessionChanges sessions;
    private final ZoneId zone;

    GroupApi(Groups groups, SessionChanges sessions, ZoneId zone) {
        this.groups = groups;
        this.sessions = sessions;
        this.zone = zone;
    }

    record SessionView(long id, String start, String end, String status, int attending, int notAttending) {}

    record GroupView(long id, String name, String smsName, String location, long leaderId, int capacity, int participants,
                     List<SessionView> sessions, List<Group.Member> members) {}

    /** Another leader for a group (the one way to hand it over before its leader leaves). */
    record LeaderChange(Long leaderId) {}

    /** A session's new start; it keeps its length. */
    record MoveInput(String start) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/groups", ctx -> ctx.json(groups.all().stream().map(this::view).toList()));
        routes.post("/api/groups", ctx -> ctx.status(201).json(view(groups.create(JsonBody.read(ctx, GroupInput.class)))));
        routes.get("/api/groups/{id}", ctx -> ctx.json(view(groups.byId(id(ctx, "id")).orElseThrow(GroupApi::notFound))));
        routes.patch("/api/groups/{id}", ctx -> ctx.json(view(groups.changeLeader(id(ctx, "id"),
                JsonBody.read(ctx, LeaderChange.class).leaderId()).orElseThrow(GroupApi::notFound))));
        routes.post("/api/groups/{id}/participants", ctx -> {
            long participant = groups.addParticipant(id(ctx, "id"), JsonBody.read(ctx, ParticipantInput.class));
            ctx.status(201).json(Map.of("id", participant));
        });
        routes.delete("/api/groups/{id}/participants/{pid}", ctx -> {
            if (!groups.removeParticipant(id(ctx, "id"), id(ctx, "pid"))) {
                throw new NotFoundException("no such participant");
            }
            ctx.status(204);
        });
        routes.post("/api/groups/{id}/sessions/{sid}/cancel", ctx -> ctx.json(view(
                sessions.cancelSession(id(ctx, "id"), id(ctx, "sid")).orElseThrow(GroupApi::noSession))));
        routes.post("/api/groups/{id}/sessions/{sid}/move", ctx -> ctx.json(view(sessions.moveSession(id(ctx, "id"), id(ctx, "sid"),
                JsonBody.read(ctx, MoveInput.class).start()).orElseThrow(GroupApi::noSession))));
    }

    private GroupView view(Group g) {
        return new GroupView(g.id(), g.name(), g.smsName(), g.location(), g.leaderId(), g.capacity(), g.participants(),
                g.sessions().stream().map(s -> new SessionView(s.id(), ShiftView.local(s.start(), zone),
                        ShiftView.local(s.end(), zone), s.status(), s.attending(), s.notAttending())).toList(), g.members());
    }

    private static long id(Context ctx, String name) {
        return ctx.pathParamAsClass(name, Long.class).get();
    }

    private static NotFoundException noSession() {
        return new NotFoundException("no such session");
    }

    private static NotFoundException notFound() {
        return new NotFoundException("no such group");
    }
}
