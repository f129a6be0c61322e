package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.AuditLog;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What the audit log is asked for, on the page and through {@code /api/audit} alike: {@code from}
 * and {@code to} local dates in the rota's zone (both days included, either left out), and a
 * {@code page} of 50 rows, newest first.
 */
record AuditQuery(Optional<LocalDate> from, Optional<LocalDate> to, int page) {
    static final int PAGE_SIZE = 50;

    /** The query as sent; a 400 naming {@code from}, {@code to} or {@code page} when it will not do. */
    static AuditQuery read(Context ctx) {
        var from = QueryParams.optional(ctx, "from");
        var to = QueryParams.optional(ctx, "to");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new InvalidInputException("to", "must not be before from");
        }
        return new AuditQuery(from, to, QueryParams.page(ctx));
    }

    /** The rows asked for: from the start of {@code from} to the end of {@code to}, in the zone (right across DST). */
    AuditLog.Slice run(Jdbi jdbi, AuditLog audit, ZoneId zone) {
        Optional<Instant> start = from.map(day -> day.atStartOfDay(zone).toInstant());
        Optional<Instant> end = to.map(day -> day.plusDays(1).atStartOfDay(zone).toInstant());
        return jdbi.withHandle(tx -> audit.list(tx, start, end, (page - 1) * PAGE_SIZE, PAGE_SIZE));
    }

}
