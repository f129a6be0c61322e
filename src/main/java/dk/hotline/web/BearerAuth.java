package dk.hotline.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import java.util.Set;

/**
 * Runs before every {@code /api} route except the open ones: a valid bearer token or 401. The API
 * is the coordinators' for now: a leader account's token gets 403 everywhere in it (see the
 * README), until resources scoped to a leader's own data are opened to it.
 */
final class BearerAuth implements Handler {
    /** Signing in, and the API's description (it holds no data). */
    private static final Set<String> OPEN = Set.of("/api/tokens", OpenApiDocument.PATH);

    private final ApiTokens tokens;

    BearerAuth(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(Context ctx) {
        if (OPEN.contains(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        var owner = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.owner(header.substring(7).trim())
                : java.util.Optional.<Principal>empty();
        if (owner.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"hotline\"");
            throw new UnauthorizedResponse("a valid bearer token is required (POST /api/tokens)");
        }
        if (!owner.get().coordinator()) {
            throw new ForbiddenResponse("coordinators only");
        }
        owner.get().attach(ctx);
    }
}
