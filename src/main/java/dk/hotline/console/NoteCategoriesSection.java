package dk.hotline.console;

import dk.hotline.common.Language;
import dk.hotline.notes.NoteCategory;
import dk.hotline.notes.NoteCounts.CategoryCount;
import dk.hotline.web.Messages;
import gg.jte.Content;
import java.util.List;

/**
 * Post-call notes by category, in the coordinators' order, as horizontal bars: category names are
 * words of any length, which a bar's foot has no room for. A note with two categories counts in
 * both; a category switched off still counts the notes that had it.
 */
final class NoteCategoriesSection implements StatsSection {
    private static final String INK = "#1b1b1b";
    private static final int WIDTH = 640;
    private static final double LABELS = 220;
    private static final double ROW = 34;
    private static final double TOP = 12;

    @Override
    public String id() {
        return "note-categories";
    }

    @Override
    public String titleKey() {
        return "stats.notes.title";
    }

    @Override
    public String noteKey() {
        return "stats.notes.note";
    }

    @Override
    public String emptyKey() {
        return "stats.notes.empty";
    }

    @Override
    public boolean isEmpty(StatsFigures figures) {
        return figures.notes().categories().stream().allMatch(c -> c.notes() == 0);
    }

    @Override
    public StatsTable table(StatsFigures figures, Messages t) {
        var rows = figures.notes().categories().stream()
                .map(c -> List.of(name(c.category(), t), StatsFormat.count(c.notes(), t))).toList();
        return new StatsTable(t.get("stats.notes.caption"), List.of(t.get("stats.notes.category"), t.get("stats.notes.count")), rows);
    }

    @Override
    public Content chart(StatsFigures figures, Messages t) {
        var counts = figures.notes().categories();
        long max = counts.stream().mapToLong(CategoryCount::notes).max().orElse(1);
        var svg = new SvgChart(id(), WIDTH, (int) (TOP * 2 + ROW * counts.size()), t.get("stats.notes.title"),
                t.get("stats.notes.desc", figures.notes().notes(), counts.size()));
        double room = WIDTH - LABELS - 60;
        for (int i = 0; i < counts.size(); i++) {
            var c = counts.get(i);
            String name = name(c.category(), t);
            double y = TOP + ROW * i;
            double w = room * c.notes() / Math.max(1, max);
            svg.text(LABELS - 10, y + 22, name, "end", INK, 15, false);
            svg.rect(LABELS, y + 6, Math.max(w, c.notes() > 0 ? 1 : 0), ROW - 12, WeeklyChart.FIRST, INK,
                    name + ": " + StatsFormat.count(c.notes(), t));
            svg.text(LABELS + w + 8, y + 22, StatsFormat.count(c.notes(), t), "start", INK, 15, false);
        }
        return svg.build();
    }

    /** The category in the reader's language, marked when switched off. */
    private static String name(NoteCategory category, Messages t) {
        String name = t.language() == Language.ENGLISH ? category.nameEn() : category.nameDa();
        return category.active() ? name : t.get("stats.notes.inactive", name);
    }
}
