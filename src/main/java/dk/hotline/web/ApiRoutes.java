package dk.hotline.web;

import io.javalin.config.RoutesConfig;

/** A feature's {@code /api} resources, registered by itself behind the bearer-token check. */
@FunctionalInterface
public interface ApiRoutes {
    void register(RoutesConfig routes);
}
