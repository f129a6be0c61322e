package dk.hotline.web;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import dk.hotline.common.ServiceException;
import dk.hotline.common.UnavailableException;
import dk.hotline.db.DatabaseOutage;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import io.javalin.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every exception becomes one answer here: 400/404/409 for a service's refusal ({@link
 * ServiceException}), 503 with {@code Retry-After} while something it needs is unavailable (the
 * database among them), and a bare 500 (and a log line without request data) for our own faults.
 * The API and webhooks get {@code {"error", "field"}}; a console page gets a page in the reader's
 * language. On {@code /twilio/voice} a 500 makes Twilio use the voice fallback URL, so a caller
 * still hears a next step.
 */
final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private ErrorMapping() {}

    static void register(JavalinConfig config, Pages pages) {
        config.routes.exception(ServiceException.class, (e, ctx) -> refused(e, ctx, pages));
        // The database is down, restarting or refusing us: a moment's outage, not our fault nor
        // the client's. Worth retrying, and said so. Any other database error is ours.
        config.routes.exception(JdbiException.class, (e, ctx) -> {
            if (!DatabaseOutage.is(e)) {
                internalError(e, ctx, pages);
                return;
            }
            log.warn("event=http.database_unavailable method={} path={}", ctx.method(), WebApp.route(ctx));
            refused(new UnavailableException("the database cannot be reached; try again shortly"), ctx, pages);
        });
        config.routes.exception(ValidationException.class, (e, ctx) -> {
            var first = e.getErrors().entrySet().iterator().next();
            String message = first.getValue().isEmpty() ? "invalid" : first.getValue().get(0).getMessage();
            answer(ctx, pages, 400, message, first.getKey());
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                // No route matched: Javalin's message repeats the path, and a path may hold a number.
                answer(ctx, pages, e.getStatus(), e instanceof EndpointNotFound ? "not found" : e.getMessage(), null));
        config.routes.exception(Exception.class, (e, ctx) -> internalError(e, ctx, pages));
        config.routes.error(404, ctx -> {
            if (ctx.result() == null) {
                answer(ctx, pages, 404, "not found", null);
            }
        });
    }

    private static void internalError(Exception e, Context ctx, Pages pages) {
        // The message of an unexpected exception may quote input; log the type and where only.
        log.error("event=http.error method={} path={} error={} at={}", ctx.method(), WebApp.route(ctx),
                e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        answer(ctx, pages, 500, "internal error", null);
    }

    private static void refused(ServiceException e, Context ctx, Pages pages) {
        if (e instanceof UnavailableException) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        answer(ctx, pages, status(e), e.getMessage(), e.field());
    }

    private static void answer(Context ctx, Pages pages, int status, String message, String field) {
        ctx.status(status);
        if (SessionAuth.isPage(ctx.path())) {
            pages.render(ctx, "error.jte", "error." + (status >= 500 ? 500 : status == 403 || status == 404 ? status : 400),
                    new ErrorView(status, status >= 500 ? "" : field == null || message.contains(field) ? message : field + ": " + message));
        } else {
            ctx.json(error(message, field));
        }
    }

    /** The one place a service's refusal becomes an HTTP status. */
    static int status(ServiceException e) {
        if (e instanceof InvalidInputException) {
            return 400;
        } else if (e instanceof NotFoundException) {
            return 404;
        } else if (e instanceof ConflictException) {
            return 409;
        }
        return 503;
    }

    static Map<String, Object> error(String message, String field) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }
}
