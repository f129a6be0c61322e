package dk.hotline.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Builds the HTTP service from its handlers: the whole route table is here. Starting it is the
 * caller's; the caller never sees Javalin.
 */
public final class WebApp implements AutoCloseable {
    private final Javalin javalin;

    private WebApp(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Listens on {@code port} (0: any free port). */
    public void start(int port) {
        javalin.start(port);
    }

    /** The port it listens on: the real one when it was started on 0. */
    public int port() {
        return javalin.port();
    }

    /** Stops taking requests and lets those under way finish. */
    @Override
    public void close() {
        javalin.stop();
    }

    public static WebApp create(Routes r, PrometheusMeterRegistry metrics) {
        var bearer = new BearerAuth(r.accounts().tokens());
        var sessions = new SessionAuth(r.accounts().sessions());
        return new WebApp(Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(json(), false));
            config.requestLogger.http(new RequestLog(metrics));
            ErrorMapping.register(config, r.pages());

            var routes = config.routes;
            r.twilioSignature().ifPresent(signature ->
                    routes.before("/twilio/*", new TwilioSignatureFilter(signature, r.publicUrl())));
            TwilioRoutes.register(routes, r.webhooks());

            routes.get("/health", new HealthHandler(r.database()));
            StaticAssets.load().forEach((path, asset) -> routes.get(path, asset));
            routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));

            routes.before("/api/*", bearer);
            routes.beforeMatched("/api/*", BearerAuth::leadersOnlyWhereOpened);
            routes.post("/api/tokens", new TokenHandler(r.accounts().passwords(), r.accounts().tokens()));
            routes.delete("/api/tokens/current", ctx -> {
                BearerAuth.token(ctx).ifPresent(r.accounts().tokens()::revoke);
                ctx.status(204);
            }, Role.LEADER);
            routes.get(OpenApiDocument.PATH, OpenApiDocument.fromClasspath());
            r.api().register(routes);

            routes.before(sessions);
            routes.before(FormText::check);
            new SignInPages(r.accounts(), r.pages()).register(routes);
            r.consolePages().register(routes);
            routes.after(new SecurityHeaders(r.pages().cookies().secure()));
        }));
    }

    /**
     * The matched route pattern ({@code /api/leaders/{id}}); for a request stopped before its route
     * (a 401 on {@code /api/*}), the pattern that stopped it; "unmatched" for a 404. The handlers
     * that run for every path ({@code *}: sessions, headers) name nothing.
     */
    static String route(io.javalin.http.Context ctx) {
        try {
            var endpoints = ctx.endpoints();
            if (endpoints.matchedHttpEndpoint() != null) {
                return endpoints.matchedHttpEndpoint().path;
            }
            return endpoints.list().stream().map(e -> e.path).filter(path -> !"*".equals(path))
                    .reduce((first, last) -> last).orElse("unmatched");
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
