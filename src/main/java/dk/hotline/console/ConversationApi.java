package dk.hotline.console;

import dk.hotline.common.NotFoundException;
import dk.hotline.sms.ConversationLog;
import dk.hotline.web.Principal;
import dk.hotline.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code GET /api/conversations} and {@code /api/conversations/{id}}: relayed conversations as
 * Beskeder / Texts shows them, never a word of a text. Open to leader tokens: a leader's list holds
 * only the conversations offered to it, and another's is 403.
 */
final class ConversationApi {
    private final ConversationLog log;
    private final ZoneId zone;

    ConversationApi(ConversationLog log, ZoneId zone) {
        this.log = log;
        this.zone = zone;
    }

    record View(long id, String tag, String openedAt, String state, String closedAt, String number, Long leaderId,
                int textsIn, int textsOut, String lastActivityAt, boolean awaitingAnswer) {
        static View of(ConversationLog.Summary s, ZoneId zone) {
            return new View(s.id(), s.tag(), local(s.openedAt(), zone), s.state(), s.closedAt().map(at -> local(at, zone)).orElse(null),
                    s.number(), s.leaderId().orElse(null), s.textsIn(), s.textsOut(), local(s.lastActivityAt(), zone),
                    s.awaitingAnswer());
        }
    }

    record TextView(long id, String at, String direction, Long leaderId, String status, Integer characters, Integer segments,
                    Integer errorCode) {
        static TextView of(ConversationLog.Text t, ZoneId zone) {
            return new TextView(t.id(), local(t.at(), zone), t.direction(), t.leaderId().orElse(null), t.status(),
                    t.characters().orElse(null), t.segments().orElse(null), t.errorCode().orElse(null));
        }
    }

    record DetailView(View conversation, List<Long> offeredTo, List<TextView> texts) {}

    void register(RoutesConfig routes) {
        routes.get("/api/conversations", this::list, Role.LEADER);
        routes.get("/api/conversations/{id}", this::one, Role.LEADER);
    }

    private void list(Context ctx) {
        var slice = ConversationQuery.read(ctx).run(log, Principal.of(ctx), zone);
        ctx.json(slice.conversations().stream().map(s -> View.of(s, zone)).toList());
    }

    private void one(Context ctx) {
        var detail = visible(log, Principal.of(ctx), ctx.pathParamAsClass("id", Long.class).get());
        ctx.json(new DetailView(View.of(detail.summary(), zone), detail.offeredTo(),
                detail.texts().stream().map(t -> TextView.of(t, zone)).toList()));
    }

    /** The conversation for this account: 404 when there is none, 403 for a leader it was not offered to. */
    static ConversationLog.Detail visible(ConversationLog log, Principal principal, long id) {
        var detail = log.detail(id).orElseThrow(() -> new NotFoundException("no conversation " + id));
        if (!principal.coordinator() && !log.visibleTo(detail, ConversationQuery.ownLeader(principal))) {
            throw new ForbiddenResponse("not a conversation offered to you");
        }
        return detail;
    }

    private static String local(Instant at, ZoneId zone) {
        return ShiftView.local(at, zone);
    }
}
