package dk.hotline.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Set;

/**
 * Before every page: a live session, or the sign-in page; and for anything that changes
 * something (every method but GET), the session's CSRF token in the form's {@code csrf} field or
 * the {@code X-CSRF-Token} header (htmx), or 403 and nothing done.
 */
final class SessionAuth implements Handler {
    /**
     * Paths that are no pages of the console, or that need no session. A calendar feed
     * ({@code /ical/<secret>.ics}) is fetched by a phone's calendar app, which cannot sign in: its
     * secret is its key.
     */
    private static final List<String> OPEN_PREFIXES = List.of("/api/", "/twilio/", "/webjars/", "/assets/", "/password/", "/ical/");
    private static final Set<String> OPEN_PATHS = Set.of("/login", "/health", "/metrics", "/favicon.ico");

    private final ConsoleSessions sessions;

    SessionAuth(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    static boolean isPage(String path) {
        return OPEN_PREFIXES.stream().noneMatch(path::startsWith) && !OPEN_PATHS.contains(path) && !path.equals("/api");
    }

    @Override
    public void handle(Context ctx) {
        if (!isPage(ctx.path())) {
            return;
        }
        var session = Cookies.read(ctx, Cookies.SESSION).flatMap(sessions::find);
        if (session.isEmpty()) {
            toSignIn(ctx);
            return;
        }
        session.get().principal().attach(ctx);
        ctx.attribute(Pages.CSRF, session.get().csrfToken());
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            String sent = ctx.header("X-CSRF-Token") != null ? ctx.header("X-CSRF-Token") : ctx.formParam("csrf");
            if (!Secrets.same(sent, session.get().csrfToken())) {
                throw new ForbiddenResponse("the form's security token is missing or out of date; reload the page");
            }
        }
    }

    /** To the sign-in page: a redirect, or for htmx (which would swap the page into a part) its own header. */
    private static void toSignIn(Context ctx) {
        if (ctx.header("HX-Request") != null) {
            ctx.header("HX-Redirect", "/login");
            ctx.status(HttpStatus.UNAUTHORIZED);
        } else {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
        }
        ctx.skipRemainingHandlers();
    }
}
