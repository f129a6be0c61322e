package dk.hotline.twilio;

import dk.hotline.web.InvalidInputException;
import io.javalin.http.Context;

/** Reads the {@code ?outbox=} id the dispatcher puts on every status callback URL. */
public final class CallbackQuery {
    private CallbackQuery() {}

    public static Long outboxId(Context ctx) {
        String raw = ctx.queryParam("outbox");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("outbox", "not an outbox id");
        }
    }
}
