package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.TimeBounds;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What the pages' filters and the API's lists read from a query: local dates ({@code ?from=2026-12-01}) and a page. */
final class QueryParams {
    private QueryParams() {}

    /** The date, or empty when the parameter is missing or blank; 400 naming it when it is no date. */
    static Optional<LocalDate> optional(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TimeBounds.check(name, LocalDate.parse(raw.trim())));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "a date, YYYY-MM-DD");
        }
    }

    /** Far past any list here (500 000 rows of 50), and an offset that stays an int. */
    static final int MAX_PAGE = 10_000;

    /** {@code ?page=}: 1 when left out; 400 naming it unless a whole number from 1 to {@link #MAX_PAGE}. */
    static int page(Context ctx) {
        String raw = Optional.ofNullable(ctx.queryParam("page")).orElse("1").trim();
        try {
            int page = Integer.parseInt(raw);
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException e) {
            // said below, as for a number out of range
        }
        throw new InvalidInputException("page", "a whole number from 1 to " + MAX_PAGE);
    }

    /** As {@link #optional}, and 400 when it is missing. */
    static LocalDate required(Context ctx, String name) {
        return optional(ctx, name).orElseThrow(() -> new InvalidInputException(name, "required (a local date, e.g. 2026-12-01)"));
    }
}
