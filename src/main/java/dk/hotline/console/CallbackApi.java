package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.common.NotFoundException;
import dk.hotline.followups.CallbackCalls;
import dk.hotline.followups.CallbackRequest;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.privacy.AuditLog;
import dk.hotline.web.JsonBody;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/callbacks}: who asked to be called back; a leader calls them through the service
 * ({@code POST …/call}), and a coordinator closes a request that was handled another way.
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
                Instant createdAt, Instant doneAt) {
        /** Shown once retention has erased the number of a handled request. */
        static final String NOT_STORED = "not stored";

        static View of(CallbackRequest r, boolean reveal) {
            String phone = r.phone() == null ? NOT_STORED : reveal ? r.phone().e164() : r.phone().masked();
            return new View(r.id(), phone, r.language(), r.preferredTime(), r.source(), r.status(), r.createdAt(),
                    r.doneAt());
        }
    }

    record CallInput(Long leaderId) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/callbacks", this::list);
        routes.post("/api/callbacks/{id}/done", this::done);
        routes.post("/api/callbacks/{id}/call", this::call);
    }

    private void list(Context ctx) {
        String status = ctx.queryParamAsClass("status", String.class).getOrDefault("open");
        if (!STATUSES.contains(status)) {
            throw new InvalidInputException("status", "one of " + STATUSES.stream().sorted().toList());
        }
        boolean reveal = Reveal.requested(ctx);
        ctx.json(jdbi.inTransaction(tx -> {
            var all = callbacks.list(tx, status);
            if (reveal) {
                all.forEach(r -> audit.revealed(tx, Principal.of(ctx).accountId(), "callback:" + r.id(), Reveal.reason(ctx)));
            }
            return all.stream().map(r -> View.of(r, reveal)).toList();
        }));
    }

    private void done(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).get();
        long coordinator = Principal.of(ctx).accountId();
        ctx.json(jdbi.inTransaction(tx -> {
            var request = callbacks.byId(tx, id).orElseThrow(() -> new NotFoundException("no such callback request"));
            callbacks.done(tx, id, coordinator);
            return View.of(callbacks.byId(tx, id).orElse(request), false);
        }));
    }

    private void call(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).get();
        var input = JsonBody.read(ctx, CallInput.class);
        if (input.leaderId() == null) {
            throw new InvalidInputException("leaderId", "required");
        }
        long offer = calls.start(id, input.leaderId()).orElseThrow(() -> new NotFoundException("no open callback request " + id));
        ctx.status(202).json(Map.of("offerId", offer, "status", "ringing-leader"));
    }
}
