package dk.hotline.console;

import dk.hotline.common.NotFoundException;
import dk.hotline.twilio.DryRunRecord;
import dk.hotline.twilio.DryRunTwilioGateway;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /api/dry-run}: in dry-run mode (no Twilio credentials), the texts and calls the
 * service would have sent, newest first, numbers masked. With credentials there is nothing to show.
 */
public final class DryRunApi {
    private final Optional<DryRunTwilioGateway> gateway;

    DryRunApi(Optional<DryRunTwilioGateway> gateway) {
        this.gateway = gateway;
    }

    record View(String kind, String to, String content, Instant at, String sid) {
        static View of(DryRunRecord r) {
            return new View(r.kind().name().toLowerCase(java.util.Locale.ROOT), r.to().masked(), r.content(), r.at(), r.sid());
        }
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/dry-run", ctx -> ctx.json(gateway
                .orElseThrow(() -> new NotFoundException("not in dry-run mode: texts and calls go to Twilio"))
                .recent().stream().map(View::of).toList()));
    }
}
