package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Local dates in a query ({@code ?from=2026-12-01}), as the pages' date fields and the API send them. */
final class QueryDates {
    private QueryDates() {}

    /** The date, or empty when the parameter is missing or blank; 400 naming it when it is no date. */
    static Optional<LocalDate> optional(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "a date, YYYY-MM-DD");
        }
    }

    /** As {@link #optional}, and 400 when it is missing. */
    static LocalDate required(Context ctx, String name) {
        return optional(ctx, name).orElseThrow(() -> new InvalidInputException(name, "required (a local date, e.g. 2026-12-01)"));
    }
}
