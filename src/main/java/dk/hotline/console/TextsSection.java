package dk.hotline.console;

import dk.hotline.web.Messages;
import gg.jte.Content;
import java.util.List;

/** Per week: texts received from survivors and others (not leaders), and texts sent, as pairs of bars. */
final class TextsSection implements StatsSection {
    @Override
    public String id() {
        return "texts";
    }

    @Override
    public String titleKey() {
        return "stats.texts.title";
    }

    @Override
    public String noteKey() {
        return "stats.texts.note";
    }

    @Override
    public String emptyKey() {
        return "stats.texts.empty";
    }

    @Override
    public boolean isEmpty(StatsFigures figures) {
        return figures.weeks().stream().allMatch(w -> w.textsIn() == 0 && w.textsOut() == 0);
    }

    @Override
    public StatsTable table(StatsFigures figures, Messages t) {
        var rows = figures.weeks().stream()
                .map(w -> List.of(w.code(), StatsFormat.count(w.textsIn(), t), StatsFormat.count(w.textsOut(), t))).toList();
        return new StatsTable(t.get("stats.texts.caption"),
                List.of(t.get("stats.week"), t.get("stats.texts.in"), t.get("stats.texts.out")), rows);
    }

    @Override
    public Content chart(StatsFigures figures, Messages t) {
        var weeks = figures.weeks();
        String desc = t.get("stats.texts.desc", weeks.stream().mapToLong(StatsFigures.Week::textsIn).sum(),
                weeks.stream().mapToLong(StatsFigures.Week::textsOut).sum());
        return new WeeklyChart(id(), 640, t.get("stats.texts.title"), desc, weeks.stream().map(StatsFigures.Week::label).toList())
                .leftAxis(t.get("stats.texts.axis"), null, v -> StatsFormat.count(Math.round(v), t))
                .bars(t.get("stats.texts.in"), weeks.stream().map(w -> (double) w.textsIn()).toList(),
                        v -> StatsFormat.count(Math.round(v), t))
                .bars(t.get("stats.texts.out"), weeks.stream().map(w -> (double) w.textsOut()).toList(),
                        v -> StatsFormat.count(Math.round(v), t))
                .build();
    }
}
