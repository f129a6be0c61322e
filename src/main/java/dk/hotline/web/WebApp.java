package dk.hotline.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the HTTP service from its handlers: the whole route table is here. Starting it is the caller's. */
public final class WebApp {
    private static final Logger log = LoggerFactory.getLogger(WebApp.class);

    private WebApp() {}

    public static Javalin create(Routes r, MeterRegistry metrics) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(json(), false));
            config.requestLogger.http((ctx, ms) -> {
                // The matched route, never the raw path or query: they could carry ids or worse.
                String route = route(ctx);
                metrics.timer("hotline_http_requests", "route", route, "status", String.valueOf(ctx.statusCode()))
                        .record(ms.longValue(), TimeUnit.MILLISECONDS);
                log.info("event=http method={} route={} status={} ms={}", ctx.method(), route, ctx.statusCode(), ms.intValue());
            });
            ErrorMapping.register(config);

            var routes = config.routes;
            r.twilioSignature().ifPresent(filter -> routes.before("/twilio/*", filter));
            r.twilio().register(routes);

            routes.get("/health", r.health());
            routes.get("/metrics", r.metrics());

            routes.before("/api/*", r.bearerAuth());
            routes.post("/api/tokens", r.tokens());
            r.api().register(routes);
        });
    }

    /** The matched route pattern ({@code /api/leaders/{id}}), or "unmatched" for a 404. */
    static String route(io.javalin.http.Context ctx) {
        try {
            var endpoint = ctx.endpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    static ObjectMapper json() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
