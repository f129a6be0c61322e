package dk.hotline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.Optional;

/**
 * Every handler the web tier serves, built by the composition root. The signature filter is
 * absent in dry-run development without an auth token (nothing to check against).
 */
public record Routes(
        Optional<TwilioSignatureFilter> twilioSignature,
        FeatureRoutes twilio,
        Handler health,
        Handler metrics,
        TokenHandler tokens,
        BearerAuth bearerAuth,
        FeatureRoutes api) {

    /** A feature's paths (its {@code /twilio} webhooks, or its {@code /api} resources), registered by itself. */
    public interface FeatureRoutes {
        void register(RoutesConfig routes);
    }
}
