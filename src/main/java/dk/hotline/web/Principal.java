package dk.hotline.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.Optional;

/**
 * Who a request is from: the signed-in account, its role, and for a leader account the leader it
 * is. Set by the bearer-token check on {@code /api} and by the session check on the pages.
 */
public record Principal(long accountId, String email, Role role, Optional<Long> leaderId) {
    private static final String ATTRIBUTE = "hotline.principal";

    public boolean coordinator() {
        return role == Role.COORDINATOR;
    }

    /** Whether this account may act for {@code leader}: a coordinator for anyone, a leader for themself. */
    public boolean actsFor(long leader) {
        return coordinator() || leaderId.filter(id -> id == leader).isPresent();
    }

    void attach(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** Who sent the request; 401 when nobody signed in (a route the checks did not cover). */
    public static Principal of(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            throw new UnauthorizedResponse("not signed in");
        }
        return principal;
    }

    /** Who sent the request, if anybody signed in. */
    public static Optional<Principal> find(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The coordinator who sent the request; 403 for a leader account. */
    public static Principal coordinator(Context ctx) {
        Principal principal = of(ctx);
        if (!principal.coordinator()) {
            throw new ForbiddenResponse("coordinators only");
        }
        return principal;
    }
}
