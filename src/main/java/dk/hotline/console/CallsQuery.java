package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.voice.CallRecords.CallRecord;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What Opkald / Calls is asked for: {@code from} and {@code to} local dates in the rota's zone
 * (both days included; the last seven days when left out, at most 93 days as {@code /api/calls}),
 * an {@code outcome} ({@code answered}, {@code missed}, or one of the next steps a caller took),
 * and a {@code page} of 50 calls, newest first.
 */
record CallsQuery(LocalDate from, LocalDate to, String outcome, int page) {
    static final int PAGE_SIZE = 50;
    static final List<String> OUTCOMES = List.of("answered", "missed", "callback-requested", "voicemail", "fallback-number");
    private static final int DEFAULT_DAYS = 7;
    private static final int MAX_DAYS = 93;

    /** The query as sent; a 400 naming {@code from}, {@code to}, {@code outcome} or {@code page} when it will not do. */
    static CallsQuery read(Context ctx, ZoneId zone, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate to = QueryParams.optional(ctx, "to").orElse(today);
        LocalDate from = QueryParams.optional(ctx, "from").orElse(to.minusDays(DEFAULT_DAYS - 1));
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("from", "a period of at most " + MAX_DAYS + " days, both included");
        }
        String outcome = Optional.ofNullable(ctx.queryParam("outcome")).orElse("").trim();
        if (!outcome.isEmpty() && !OUTCOMES.contains(outcome)) {
            throw new InvalidInputException("outcome", "one of " + OUTCOMES);
        }
        return new CallsQuery(from, to, outcome, QueryParams.page(ctx));
    }

    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether a call has the outcome asked for ({@code missed}: any of the outcomes that count as missed). */
    Predicate<CallRecord> matches() {
        return switch (outcome) {
            case "" -> call -> true;
            case "missed" -> call -> call.outcome().missed();
            default -> call -> call.outcome().code().equals(outcome);
        };
    }

    /** This query on another page, as a link. */
    String href(int otherPage) {
        return "/calls?from=" + from + "&to=" + to + "&outcome=" + outcome + "&page=" + otherPage;
    }


}
