package dk.hotline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** {@code POST /api/tokens} with HTTP Basic (e-mail, password): 201 {@code {"token": …}}. */
final class TokenHandler implements Handler {
    private record Credentials(String email, String password) {}

    private final PasswordCheck passwords;
    private final ApiTokens tokens;

    TokenHandler(PasswordCheck passwords, ApiTokens tokens) {
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @Override
    public void handle(Context ctx) {
        var credentials = basic(ctx.header("Authorization"));
        if (credentials.isEmpty()) {
            throw unauthorized(ctx, "HTTP Basic credentials (e-mail and password) are required");
        }
        var outcome = passwords.signIn(credentials.get().email(), credentials.get().password(), ctx.ip());
        if (outcome instanceof PasswordCheck.SignIn.Verified v) {
            var t = tokens.issue(v.principal(), ctx.ip());
            ctx.status(201).json(Map.of("token", t.token(), "expiresAt", t.expiresAt().toString()));
        } else if (outcome instanceof PasswordCheck.SignIn.Blocked b) {
            throw tooMany(ctx, b.retryAfter(), "too many failed sign-ins; try again later");
        } else if (outcome instanceof PasswordCheck.SignIn.Busy b) {
            throw tooMany(ctx, b.retryAfter(), "too many sign-ins at once; try again shortly");
        } else {
            throw unauthorized(ctx, "wrong e-mail or password");
        }
    }

    /**
     * {@code Basic base64(email:password)}; nothing for a missing, undecodable or colon-less value
     * (Javalin's own parser throws on those, which would be a 500).
     */
    private static Optional<Credentials> basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    private static UnauthorizedResponse unauthorized(Context ctx, String why) {
        ctx.header("WWW-Authenticate", "Basic realm=\"hotline\"");
        return new UnauthorizedResponse(why);
    }

    private static TooManyRequestsResponse tooMany(Context ctx, Duration retryAfter, String why) {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        ctx.header("Retry-After", String.valueOf(Math.max(1, seconds)));
        return new TooManyRequestsResponse(why);
    }
}
