package dk.hotline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import java.util.Set;

/** Runs before every {@code /api} route except the open ones: a valid bearer token or 401. */
public final class BearerAuth implements Handler {
    static final String COORDINATOR = "coordinator";
    /** Signing in, and the API's description (it holds no data). */
    private static final Set<String> OPEN = Set.of("/api/tokens", OpenApiDocument.PATH);

    private final Coordinators coordinators;

    public BearerAuth(Coordinators coordinators) {
        this.coordinators = coordinators;
    }

    @Override
    public void handle(Context ctx) {
        if (OPEN.contains(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        var owner = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? coordinators.byToken(header.substring(7).trim())
                : java.util.Optional.<Long>empty();
        if (owner.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"hotline\"");
            throw new UnauthorizedResponse("a valid bearer token is required (POST /api/tokens)");
        }
        ctx.attribute(COORDINATOR, owner.get());
    }

    /** The signed-in coordinator's id, for audit records. */
    public static long coordinator(Context ctx) {
        Long id = ctx.attribute(COORDINATOR);
        if (id == null) {
            throw new UnauthorizedResponse("not signed in");
        }
        return id;
    }
}
