package dk.hotline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.Map;

/** {@code POST /api/tokens} with HTTP Basic (e-mail, password): 201 {@code {"token": …}}. */
public final class TokenHandler implements Handler {
    private final Coordinators coordinators;

    public TokenHandler(Coordinators coordinators) {
        this.coordinators = coordinators;
    }

    @Override
    public void handle(Context ctx) {
        var credentials = ctx.basicAuthCredentials();
        if (credentials == null) {
            ctx.header("WWW-Authenticate", "Basic realm=\"hotline\"");
            throw new UnauthorizedResponse("HTTP Basic credentials (e-mail and password) are required");
        }
        var outcome = coordinators.signIn(credentials.getUsername(), credentials.getPassword());
        if (outcome instanceof Coordinators.SignIn.Token t) {
            ctx.status(201).json(Map.of("token", t.token(), "expiresAt", t.expiresAt().toString()));
        } else if (outcome instanceof Coordinators.SignIn.Blocked b) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, b.retryAfter().toSeconds())));
            throw new TooManyRequestsResponse("too many failed sign-ins; try again later");
        } else {
            ctx.header("WWW-Authenticate", "Basic realm=\"hotline\"");
            throw new UnauthorizedResponse("wrong e-mail or password");
        }
    }
}
