package dk.hotline.web;

import io.javalin.config.RoutesConfig;

/** A feature's routes, registered by itself: {@code /api} resources behind a token, or pages behind a session. */
@FunctionalInterface
public interface FeatureRoutes {
    void register(RoutesConfig routes);
}
