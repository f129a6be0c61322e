package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.TimeBounds;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The required {@code ?from=&to=} of the reports (calls, messages, stats): ISO-8601 with offset, at most 93 days apart. */
record ReportWindow(Instant from, Instant to) {
    private static final Duration MAX_WINDOW = Duration.ofDays(93);

    static ReportWindow of(Context ctx) {
        Instant from = instant(ctx, "from");
        Instant to = instant(ctx, "to");
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidInputException("to", "must be after from, at most 93 days later");
        }
        return new ReportWindow(from, to);
    }

    private static Instant instant(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(name, "required (ISO-8601 with offset, e.g. 2026-11-25T00:00:00+01:00)");
        }
        try {
            // An offset such as +01:00 sent without URL-encoding arrives with a space for its "+".
            return TimeBounds.check(name, OffsetDateTime.parse(raw.trim().replace(' ', '+')).toInstant()).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "not an ISO-8601 time with offset");
        }
    }
}
