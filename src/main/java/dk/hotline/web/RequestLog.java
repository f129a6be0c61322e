package dk.hotline.web;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line and one timer sample per request, named by the matched route, never the raw path
 * or query: they could carry ids or worse.
 */
final class RequestLog implements RequestLogger {
    /** Under the web app's name, as the lines always were. */
    private static final Logger log = LoggerFactory.getLogger(WebApp.class);

    private final PrometheusMeterRegistry metrics;
    /**
     * The timer of each route and status, found once: the registry's own look-up builds and sorts
     * its tags on every request. Routes are the route table's templates, so the map stays small.
     */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    RequestLog(PrometheusMeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx, Float ms) {
        String route = WebApp.route(ctx);
        int status = ctx.statusCode();
        timers.computeIfAbsent(route + " " + status, key ->
                        metrics.timer("hotline_http_requests", "route", route, "status", String.valueOf(status)))
                .record(ms.longValue(), TimeUnit.MILLISECONDS);
        log.info("event=http method={} route={} status={} ms={}", ctx.method(), route, status, ms.intValue());
    }
}
