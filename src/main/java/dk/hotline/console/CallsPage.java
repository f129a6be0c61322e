package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.voice.CallOutcome;
import dk.hotline.voice.CallRecords;
import dk.hotline.voice.CallRecords.CallRecord;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /calls}: Opkald / Calls. Each call in a range of local days, newest first, 50 a page,
 * filtered by outcome: when, the masked number, the keys pressed and the language, what became of
 * it, how long the caller waited and talked. Reads what {@code /api/calls} reads; a leader
 * account sees only the calls it was rung for.
 */
final class CallsPage {
    private final Pages pages;
    private final CallRecords records;
    private final LocalTimes times;
    private final ZoneId zone;
    private final Clock clock;

    CallsPage(Pages pages, CallRecords records, LocalTimes times, ZoneId zone, Clock clock) {
        this.pages = pages;
        this.records = records;
        this.times = times;
        this.zone = zone;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/calls", this::show);
    }

    private void show(Context ctx) {
        Principal principal = Principal.of(ctx);
        Messages t = pages.messages(ctx);
        var outcomes = CallsQuery.OUTCOMES.stream().map(code -> new CallsView.Choice(code, t.get("calls.filter." + code))).toList();
        CallsQuery query;
        try {
            query = CallsQuery.read(ctx, zone, clock);
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "calls.jte", "calls.title", new CallsView(typed(ctx, "from"), typed(ctx, "to"), typed(ctx, "outcome"),
                    outcomes, FormErrors.of(e, t, "calls", Map.of()), List.of(), 0, 1, 1, Optional.empty(), Optional.empty()));
            return;
        }
        var calls = new ArrayList<>(records.between(query.start(zone), query.end(zone), CallApi.offeredTo(principal)).stream()
                .filter(query.matches()).toList());
        calls.sort((a, b) -> b.arrivedAt().compareTo(a.arrivedAt()));
        int pageCount = Math.max(1, (calls.size() + CallsQuery.PAGE_SIZE - 1) / CallsQuery.PAGE_SIZE);
        int page = query.page();
        var rows = calls.stream().skip((long) (page - 1) * CallsQuery.PAGE_SIZE).limit(CallsQuery.PAGE_SIZE)
                .map(call -> row(call, t)).toList();
        pages.render(ctx, "calls.jte", "calls.title", new CallsView(query.from().toString(), query.to().toString(), query.outcome(),
                outcomes, FormErrors.NONE, rows, calls.size(), page, pageCount,
                page > 1 ? Optional.of(query.href(page - 1)) : Optional.empty(),
                page < pageCount ? Optional.of(query.href(page + 1)) : Optional.empty()));
    }

    /**
     * One call in words. An answered call waited from arrival to answer (menu included) and talked
     * the rest of Twilio's duration; one nobody answered waited all of it and talked none.
     */
    private CallsView.Row row(CallRecord call, Messages t) {
        String outcome = call.outcome() == CallOutcome.ANSWERED
                ? t.get("calls.outcome.answered", Optional.ofNullable(call.answeredBy()).orElse(t.get("callbacks.removed")))
                : t.get("calls.outcome." + call.outcome().code());
        Integer duration = call.durationSeconds();
        Long toAnswer = call.secondsToAnswer();
        String wait = toAnswer != null ? seconds(toAnswer) : duration != null ? seconds(duration) : "–";
        String talk = toAnswer != null && duration != null ? seconds(Math.max(0, duration - toAnswer)) : "–";
        String menu = call.menuPath().isEmpty() ? t.get("calls.noKeys") : call.menuPath();
        return new CallsView.Row(times.dayAndTime(call.arrivedAt(), t.language().locale()),
                "not stored".equals(call.caller()) ? t.get("callbacks.notStored") : call.caller(), menu,
                t.get("callbacks.language." + call.language().code()), outcome, call.outcome().missed(), wait, talk);
    }

    /** "4:05": minutes and seconds. */
    private static String seconds(long total) {
        return total / 60 + ":" + String.format("%02d", total % 60);
    }

    private static String typed(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).orElse("").trim();
    }
}
