package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The {@code ?reveal=true} switch that shows numbers in clear, and is audited wherever it is used,
 * with the optional {@code &reason=…} the audit row keeps.
 */
final class Reveal {
    private Reveal() {}

    static boolean requested(Context ctx) {
        String raw = ctx.queryParam("reveal");
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw new InvalidInputException("reveal", "must be true or false");
    }

    /** Why the coordinator asks, when they said: {@code ?reason=}. */
    static Optional<String> reason(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("reason"));
    }
}
