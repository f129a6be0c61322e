package dk.hotline.console;

import gg.jte.Content;
import java.util.List;

/**
 * What Statistik / Stats shows: the period chooser as typed (and what was wrong with it), the
 * period in words, and each section with its picture, table and CSV link.
 */
public record StatsView(String from, String to, FormErrors errors, String period, List<Section> sections) {
    /** One section; {@code empty} when the period has nothing to count (then {@code emptyText} instead of chart and table). */
    public record Section(String id, String title, String note, boolean empty, String emptyText, Content chart, StatsTable table,
                          String csvHref) {
        /** A table of more than three columns goes under its picture, a narrow one beside it. */
        public boolean wideTable() {
            return table.header().size() > 3;
        }
    }
}
