package dk.hotline.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every {@code /api} route except the open ones: a valid bearer token or 401. Once the
 * route is known ({@link #leadersOnlyWhereOpened}), a leader account's token gets 403 unless the
 * route carries {@link Role#LEADER}: the API is the coordinators' except where a handler was
 * written to answer a leader with their own data only.
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
        var owner = token(ctx).flatMap(tokens::owner);
        if (owner.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"hotline\"");
            throw new UnauthorizedResponse("a valid bearer token is required (POST /api/tokens)");
        }
        owner.get().attach(ctx);
    }

    /** The bearer token the request carries, if any. */
    static Optional<String> token(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(header.substring(7).trim())
                : Optional.empty();
    }

    /** After matching: a leader's token only reaches routes marked {@link Role#LEADER}. */
    static void leadersOnlyWhereOpened(Context ctx) {
        var principal = Principal.find(ctx);
        if (principal.isPresent() && !principal.get().coordinator() && !ctx.routeRoles().contains(Role.LEADER)) {
            throw new ForbiddenResponse("coordinators only");
        }
    }
}
