package dk.hotline.simulator;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A call leg's webhooks, with the parameters Twilio sends on every one (the call's sid, status,
 * direction, From and To), and the TwiML verbs of the answer.
 */
final class CallWebhooks {
    /** The made-up account every simulated webhook names. */
    static final String ACCOUNT_SID = "AC" + "0".repeat(32);

    private final WebhookClient client;
    private final URI publicUrl;

    CallWebhooks(WebhookClient client, URI publicUrl) {
        this.client = client;
        this.publicUrl = publicUrl;
    }

    /** Posts to {@code url} for this leg; the answer's verbs, or empty when it failed or was not this service's. */
    Optional<List<Element>> post(Leg leg, String url, Map<String, String> extra) {
        var path = pathOf(url);
        if (path.isEmpty()) {
            leg.heard.add(new Leg.Heard("(" + Timeline.mask(url) + ": not this service)", ""));
            return Optional.empty();
        }
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("CallSid", leg.sid);
        form.put("CallStatus", leg.ended() ? leg.endedAs : "in-progress");
        form.put("Direction", switch (leg.kind) {
            case INBOUND -> "inbound";
            case DIALED -> "outbound-dial";
            case OUTBOUND -> "outbound-api";
        });
        form.put("From", leg.from);
        form.put("To", leg.to);
        form.put("Caller", leg.from);
        form.put("Called", leg.to);
        leg.parent.ifPresent(parent -> form.put("ParentCallSid", parent.sid));
        form.putAll(extra);
        var answer = client.post(path.get(), form);
        return answer.ok() ? Optional.of(Twiml.verbs(answer.body())) : Optional.empty();
    }

    /** Posts a text's webhook (no call parameters); the answer's verbs, or none when it failed. */
    List<Element> post(String path, Map<String, String> form) {
        var answer = client.post(path, form);
        return answer.ok() ? Twiml.verbs(answer.body()) : List.of();
    }

    /** The path and query of a URL on this service: relative ones as they are, absolute ones under the public URL. */
    Optional<String> pathOf(String url) {
        if (url.startsWith("/")) {
            return Optional.of(url);
        }
        String base = publicUrl.toString();
        return url.startsWith(base + "/") ? Optional.of(url.substring(base.length())) : Optional.empty();
    }
}
