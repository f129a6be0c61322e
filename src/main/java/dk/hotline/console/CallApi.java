package dk.hotline.console;

import dk.hotline.voice.CallRecords;
import dk.hotline.web.Principal;
import dk.hotline.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code GET /api/calls?from=&to=}: what happened to each call, numbers masked. Open to leader
 * tokens, which see only the calls they were rung for.
 */
public final class CallApi {
    private final CallRecords records;

    CallApi(CallRecords records) {
        this.records = records;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/calls", this::list, Role.LEADER);
    }

    private void list(Context ctx) {
        var window = ReportWindow.of(ctx);
        ctx.json(records.between(window.from(), window.to(), offeredTo(Principal.of(ctx))));
    }

    /** Nobody for a coordinator (every call); a leader account's own leader. */
    static Optional<Long> offeredTo(Principal principal) {
        return principal.coordinator() ? Optional.empty() : principal.leaderId();
    }
}
