package dk.hotline.console;

import dk.hotline.voice.CallRecords;
import dk.hotline.web.InvalidInputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** {@code GET /api/calls?from=&to=}: what happened to each call, numbers masked. */
public final class CallApi {
    private static final Duration MAX_WINDOW = Duration.ofDays(93);

    private final CallRecords records;

    public CallApi(CallRecords records) {
        this.records = records;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/calls", this::list);
    }

    private void list(Context ctx) {
        Instant from = instant(ctx, "from");
        Instant to = instant(ctx, "to");
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidInputException("to", "must be after from, at most 93 days later");
        }
        ctx.json(records.between(from, to));
    }

    static Instant instant(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(name, "required (ISO-8601 with offset, e.g. 2026-11-25T00:00:00+01:00)");
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "not an ISO-8601 time with offset");
        }
    }

}
