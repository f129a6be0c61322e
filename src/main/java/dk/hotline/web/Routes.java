package dk.hotline.web;

import io.javalin.http.Handler;
import java.util.Optional;

/**
 * Every handler the web tier serves, built by the composition root. The signature filter is
 * absent in dry-run development without an auth token (nothing to check against).
 */
public record Routes(
        Optional<TwilioSignatureFilter> twilioSignature,
        Handler incomingCall,
        Handler voiceFallback,
        Handler callStatus,
        Handler messageStatus,
        Handler health,
        Handler metrics,
        TokenHandler tokens,
        BearerAuth bearerAuth,
        ApiRoutes api) {

    /** The {@code /api} resources of the features; each registers its own paths. */
    public interface ApiRoutes {
        void register(io.javalin.config.RoutesConfig routes);
    }
}
