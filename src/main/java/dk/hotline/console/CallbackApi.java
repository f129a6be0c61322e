package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.common.NotFoundException;
import dk.hotline.followups.CallbackCalls;
import dk.hotline.followups.CallbackRequest;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.privacy.AuditLog;
import dk.hotline.web.Actors;
import dk.hotline.web.JsonBody;
import dk.hotline.web.Principal;
import dk.hotline.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/callbacks}: who asked to be called back; a leader calls them through the service
 * ({@code POST …/call}), and a request handled another way is closed. Open to leader tokens,
 * limited to the requests the leader was told of or rung for ({@link CallbackAccess}).
 */
public final class CallbackApi {
    private static final Set<String> STATUSES = Set.of("open", "calling", "done", "all");

    private final Jdbi jdbi;
    private final CallbackRequests callbacks;
    private final CallbackCalls calls;
    private final AuditLog audit;

    CallbackApi(Jdbi jdbi, CallbackRequests callbacks, CallbackCalls calls, AuditLog audit) {
        this.jdbi = jdbi;
        this.callbacks = callbacks;
        this.calls = calls;
        this.audit = audit;
    }

    record View(long id, String phone, Language language, String preferredTime, String source, String status,
                Instant createdAt, Instant doneAt, List<Long> toldLeaderIds, LastCall lastCall) {
        /** Shown once retention has erased the number of a handled request. */
        static final String NOT_STORED = "not stored";

        static View of(CallbackRequest r, boolean reveal) {
            String phone = r.phone() == null ? NOT_STORED : reveal ? r.phone().e164() : r.phone().masked();
            return new View(r.id(), phone, r.language(), r.preferredTime(), r.source(), r.status(), r.createdAt(),
                    r.doneAt(), r.toldLeaderIds(), r.lastCall().map(c -> new LastCall(c.leaderId(), c.state().code())).orElse(null));
        }
    }

    /** The latest ringing of a leader to call back: who, and where it stands ({@code ringing}, {@code ended}, …). */
    record LastCall(long leaderId, String state) {}

    record CallInput(Long leaderId) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/callbacks", this::list, Role.LEADER);
        routes.post("/api/callbacks/{id}/done", this::done, Role.LEADER);
        routes.post("/api/callbacks/{id}/call", this::call, Role.LEADER);
    }

    private void list(Context ctx) {
        String status = ctx.queryParamAsClass("status", String.class).getOrDefault("open");
        if (!STATUSES.contains(status)) {
            throw new InvalidInputException("status", "one of " + STATUSES.stream().sorted().toList());
        }
        boolean reveal = Reveal.requested(ctx);
        Principal principal = Principal.of(ctx);
        ctx.json(jdbi.inTransaction(tx -> {
            var all = CallbackAccess.visible(tx, callbacks, principal, callbacks.list(tx, status));
            if (reveal) {
                all.forEach(r -> audit.revealed(tx, Actors.of(ctx), "callback:" + r.id(), Reveal.reason(ctx)));
            }
            return all.stream().map(r -> View.of(r, reveal)).toList();
        }));
    }

    private void done(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).get();
        Principal principal = Principal.of(ctx);
        ctx.json(jdbi.inTransaction(tx -> {
            var request = CallbackAccess.find(tx, callbacks, principal, id);
            callbacks.done(tx, id, principal.accountId());
            return View.of(callbacks.byId(tx, id).orElse(request), false);
        }));
    }

    private void call(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).get();
        Principal principal = Principal.of(ctx);
        // A leader account may send no body at all: it rings itself.
        var input = principal.coordinator() || !ctx.body().isBlank() ? JsonBody.read(ctx, CallInput.class) : new CallInput(null);
        long leader = CallbackAccess.leaderToRing(principal, input.leaderId());
        jdbi.useHandle(tx -> CallbackAccess.find(tx, callbacks, principal, id));
        long offer = calls.start(id, leader).orElseThrow(() -> new NotFoundException("no open callback request " + id));
        ctx.status(202).json(Map.of("offerId", offer, "status", "ringing-leader"));
    }
}
