package dk.hotline.console;

import dk.hotline.web.Messages;
import gg.jte.Content;
import java.util.List;

/** Per week: the share of calls answered (bars) and the median wait until a leader answered (a line with points). */
final class AnswersSection implements StatsSection {
    @Override
    public String id() {
        return "answers";
    }

    @Override
    public String titleKey() {
        return "stats.answers.title";
    }

    @Override
    public String noteKey() {
        return "stats.answers.note";
    }

    @Override
    public String emptyKey() {
        return "stats.answers.empty";
    }

    @Override
    public boolean isEmpty(StatsFigures figures) {
        return figures.weeks().stream().allMatch(w -> w.calls().offered() == 0);
    }

    @Override
    public StatsTable table(StatsFigures figures, Messages t) {
        var rows = figures.weeks().stream().map(w -> List.of(w.code(), StatsFormat.count(w.calls().offered(), t),
                StatsFormat.count(w.calls().answered(), t), StatsFormat.count(w.calls().missed(), t),
                StatsFormat.percent(w.answerRate()), StatsFormat.seconds(w.calls().medianAnswerSeconds(), t))).toList();
        return new StatsTable(t.get("stats.answers.caption"), List.of(t.get("stats.week"), t.get("stats.answers.offered"),
                t.get("stats.answers.answered"), t.get("stats.answers.missed"), t.get("stats.answers.rate"),
                t.get("stats.answers.median")), rows);
    }

    @Override
    public Content chart(StatsFigures figures, Messages t) {
        var weeks = figures.weeks();
        long answered = weeks.stream().mapToLong(w -> w.calls().answered()).sum();
        long asked = answered + weeks.stream().mapToLong(w -> w.calls().missed()).sum();
        String desc = t.get("stats.answers.desc", answered, asked);
        return new WeeklyChart(id(), 920, t.get("stats.answers.title"), desc, weeks.stream().map(StatsFigures.Week::label).toList())
                .leftAxis(t.get("stats.answers.rateAxis"), 1.0, v -> Math.round(v * 100) + " %")
                .bars(t.get("stats.answers.rateLegend"), weeks.stream().map(StatsFigures.Week::answerRate).toList(),
                        v -> Math.round(v * 100) + " %")
                .line(t.get("stats.answers.medianLegend"), t.get("stats.answers.medianAxis"),
                        weeks.stream().map(w -> w.calls().medianAnswerSeconds()).toList(), v -> StatsFormat.seconds(v, t) + " s")
                .build();
    }
}
