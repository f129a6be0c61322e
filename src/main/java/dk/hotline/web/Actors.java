package dk.hotline.web;

import dk.hotline.privacy.Actor;
import io.javalin.http.Context;

/**
 * Who sent a request, as the audit log names them: the signed-in account, and the client's
 * address as Javalin sees it ({@code ctx.ip()}: the connection's peer, or what a trusted proxy
 * says when the server is configured to believe one).
 */
public final class Actors {
    private Actors() {}

    public static Actor of(Context ctx) {
        return Actor.account(Principal.of(ctx).accountId(), ctx.ip());
    }
}
