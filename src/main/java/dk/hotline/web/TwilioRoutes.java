package dk.hotline.web;

import dk.hotline.twilio.Reply;
import dk.hotline.twilio.Webhook;
import dk.hotline.twilio.WebhookHandler;
import dk.hotline.twilio.WebhookParams;
import dk.hotline.twilio.WebhookRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves every {@link Webhook} with the handler a feature gave for it. A webhook without a handler
 * stops startup: Twilio would otherwise get a 404 in the middle of a call.
 */
final class TwilioRoutes {
    private TwilioRoutes() {}

    static void register(RoutesConfig routes, Map<Webhook, WebhookHandler> handlers) {
        var missing = new EnumMap<Webhook, Boolean>(Webhook.class);
        for (Webhook webhook : Webhook.values()) {
            WebhookHandler handler = handlers.get(webhook);
            if (handler == null) {
                missing.put(webhook, true);
                continue;
            }
            routes.post(webhook.path(), ctx -> answer(ctx, handler.handle(request(ctx, webhook))));
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no handler for the webhooks " + missing.keySet());
        }
    }

    private static WebhookRequest request(Context ctx, Webhook webhook) {
        var query = new HashMap<String, String>();
        ctx.queryParamMap().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        return new WebhookRequest(webhook, ctx.queryString(), query, WebhookParams.of(ctx.formParamMap()).withoutNul());
    }

    private static void answer(Context ctx, Reply reply) {
        if (reply instanceof Reply.Twiml twiml) {
            ctx.contentType("text/xml").result(twiml.xml());
        } else {
            ctx.status(204);
        }
    }
}
