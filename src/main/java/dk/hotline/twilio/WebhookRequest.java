package dk.hotline.twilio;

import dk.hotline.common.InvalidInputException;
import java.util.Map;
import java.util.Optional;

/**
 * One request Twilio made to a {@link Webhook}: its query (the service's own parameters, read only
 * by the names the webhook declares) and its form fields (Twilio's).
 */
public final class WebhookRequest {
    private final Webhook webhook;
    private final String rawQuery;
    private final Map<String, String> query;
    private final WebhookParams form;

    /**
     * @param rawQuery the query string as sent, {@code ""} for none
     * @param query its decoded parameters, the first value of each
     */
    public WebhookRequest(Webhook webhook, String rawQuery, Map<String, String> query, WebhookParams form) {
        this.webhook = webhook;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.query = Map.copyOf(query);
        this.form = form;
    }

    public Webhook webhook() {
        return webhook;
    }

    /** Twilio's form fields. */
    public WebhookParams form() {
        return form;
    }

    /**
     * The request as a retry of it would look: path, query, and the fields that tell one answer
     * from another (key pressed, dial, queue or recording result). The same key means the same answer.
     */
    public String replayKey() {
        return webhook.path() + "?" + rawQuery
                + "#" + field("Digits") + "#" + field("DialCallStatus") + "#" + field("DialCallSid")
                + "#" + field("QueueResult") + "#" + field("RecordingSid");
    }

    /** A query parameter that must be there. */
    public String query(String name) {
        return optionalQuery(name).orElseThrow(() -> new InvalidInputException(name, "missing"));
    }

    public Optional<String> optionalQuery(String name) {
        if (!webhook.query().contains(name)) {
            // A name the table does not declare is our typo, not Twilio's: fail where tests see it.
            throw new IllegalArgumentException(webhook + " declares no query parameter '" + name + "'");
        }
        String value = query.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public long longQuery(String name) {
        return number(name, query(name));
    }

    public int intQuery(String name) {
        long value = longQuery(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidInputException(name, "out of range");
        }
        return (int) value;
    }

    private static long number(String name, String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "not a whole number");
        }
    }

    private String field(String name) {
        return form.optional(name).orElse("");
    }
}
