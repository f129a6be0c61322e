package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /stats}: Statistik / Stats, coordinators only. For a period of whole ISO weeks in the
 * rota's zone, each of {@link #SECTIONS} as a picture drawn on the server, the table of its numbers,
 * and the same table as CSV ({@code /stats/<section>.csv}). The numbers are {@code /api/stats}'s
 * ({@link StatsReport}).
 */
final class StatsPage {
    /** The page's sections, in order; a new section is one more entry here (and its words). */
    static final List<StatsSection> SECTIONS = List.of(
            new CallsByHourSection(),
            new AnswersSection(),
            new TextsSection(),
            new RemindersSection(),
            new NoteCategoriesSection());

    private final Pages pages;
    private final StatsReport report;
    private final Clock clock;

    StatsPage(Pages pages, StatsReport report, Clock clock) {
        this.pages = pages;
        this.report = report;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/stats", this::show);
        routes.get("/stats/{section}.csv", this::csv);
    }

    private void show(Context ctx) {
        Principal.coordinator(ctx);
        Messages t = pages.messages(ctx);
        String from = Optional.ofNullable(ctx.queryParam("from")).orElse("").trim();
        String to = Optional.ofNullable(ctx.queryParam("to")).orElse("").trim();
        StatsPeriod period;
        try {
            period = StatsPeriod.of(from, to, report.zone(), clock.instant());
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "stats.jte", "stats.title", new StatsView(from, to, FormErrors.of(e, t, "stats", Map.of()), "",
                    List.of()));
            return;
        }
        var figures = report.figures(period.from(), period.to());
        var sections = SECTIONS.stream().map(s -> new StatsView.Section(s.id(), t.get(s.titleKey()), t.get(s.noteKey()), s.isEmpty(figures),
                t.get(s.emptyKey()), s.isEmpty(figures) ? null : s.chart(figures, t), s.table(figures, t),
                "/stats/" + s.id() + ".csv?" + period.query())).toList();
        pages.render(ctx, "stats.jte", "stats.title", new StatsView(period.first().code(), period.last().code(),
                FormErrors.NONE, describe(period, t), sections));
    }

    /** The section's table as CSV, a download named for the section and the period. */
    private void csv(Context ctx) {
        Principal.coordinator(ctx);
        Messages t = pages.messages(ctx);
        var section = SECTIONS.stream().filter(s -> s.id().equals(ctx.pathParam("section"))).findFirst()
                .orElseThrow(NotFoundResponse::new);
        var period = StatsPeriod.of(ctx.queryParam("from"), ctx.queryParam("to"), report.zone(), clock.instant());
        var table = section.table(report.figures(period.from(), period.to()), t);
        ctx.header("Content-Disposition", "attachment; filename=\"hotline-" + section.id() + "-" + period.first().code() + "-"
                + period.last().code() + ".csv\"");
        // The byte order mark makes Excel read the file as UTF-8 (æ, ø, å in the day names). Excel
        // set up for Danish splits on semicolons (the comma is its decimal mark, as in "21,5").
        char separator = t.language() == Language.ENGLISH ? ',' : ';';
        ctx.contentType("text/csv; charset=utf-8").result("\uFEFF" + table.csv(separator));
    }

    private String describe(StatsPeriod period, Messages t) {
        var day = DateTimeFormatter.ofPattern(t.language().code().equals("da") ? "d. MMM yyyy" : "d MMM yyyy", t.language().locale());
        return t.get("stats.period", period.first().number(), period.last().number(), day.format(period.first().monday()),
                day.format(period.last().sunday()), report.zone().getId());
    }
}
