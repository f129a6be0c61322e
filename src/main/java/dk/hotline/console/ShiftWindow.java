package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.rota.TimeInput;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;

/** The required {@code ?from=&to=} of the rota's reads: ISO-8601 with offset, at most a year apart. */
record ShiftWindow(Instant from, Instant to) {
    private static final Duration LONGEST = Duration.ofDays(366);

    static ShiftWindow of(Context ctx) {
        Instant from = TimeInput.instant("from", param(ctx, "from"));
        Instant to = TimeInput.instant("to", param(ctx, "to"));
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new InvalidInputException("to", "at most 366 days after from");
        }
        return new ShiftWindow(from, to);
    }

    /** An offset such as +02:00 sent without URL-encoding arrives with a space for its "+". */
    private static String param(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null ? null : raw.trim().replace(' ', '+');
    }
}
