package dk.hotline.web;

import dk.hotline.twilio.TwilioSignature;
import dk.hotline.twilio.Webhook;
import dk.hotline.twilio.WebhookHandler;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the web tier serves, given by the composition root: every webhook's handler, the JSON API,
 * the console's pages, and what checks requests (Twilio's signature against the public URL,
 * tokens, sessions). The signature is absent in dry-run development without an auth token
 * (nothing to check against).
 */
public record Routes(
        Optional<TwilioSignature> twilioSignature,
        URI publicUrl,
        Map<Webhook, WebhookHandler> webhooks,
        DataSource database,
        AccountsModule accounts,
        Pages pages,
        FeatureRoutes api,
        FeatureRoutes consolePages) {}
