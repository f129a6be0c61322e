package dk.hotline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.regex.Pattern;

/**
 * On every answer: no script but our own files (no inline script, so an injected one does not
 * run), no framing, no referrer, no sniffing; and over https, HTTPS only from then on. Nothing but
 * our own static files may be kept by the browser: pages and API answers carry names, masked
 * numbers and what was done, and a coordinator's computer may be shared.
 */
final class SecurityHeaders implements Handler {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private static final Pattern STATIC = Pattern.compile("/(assets|webjars)/");

    private final boolean https;

    SecurityHeaders(boolean https) {
        this.https = https;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!STATIC.matcher(ctx.path()).lookingAt()) {
            ctx.header("Cache-Control", "no-store");
        }
        if (https) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
