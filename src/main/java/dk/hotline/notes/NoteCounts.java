package dk.hotline.notes;

import dk.hotline.common.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * How many notes have each category, over local days (the rota's zone): what the stats show. A
 * switched-off category still counts the notes that have it; a note with two categories counts
 * in both, once in the total.
 */
public final class NoteCounts {
    private final Jdbi jdbi;
    private final ZoneId zone;

    NoteCounts(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    public record CategoryCount(NoteCategory category, long notes) {}

    /** Notes written from the start of {@code from} to the end of {@code to}, both local days. */
    public record Counts(LocalDate from, LocalDate to, long notes, List<CategoryCount> categories) {}

    public Counts between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "on or after from");
        }
        var start = from.atStartOfDay(zone).toInstant();
        var end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM notes WHERE created_at >= :start AND created_at < :end")
                    .bind("start", start).bind("end", end).mapTo(Long.class).one();
            var categories = h.createQuery("""
                    SELECT c.id, c.name_da, c.name_en, c.active, c.position, count(n.id) AS notes
                    FROM note_categories c
                    LEFT JOIN note_category_links l ON l.category_id = c.id
                    LEFT JOIN notes n ON n.id = l.note_id AND n.created_at >= :start AND n.created_at < :end
                    GROUP BY c.id ORDER BY c.position, c.id""")
                    .bind("start", start).bind("end", end)
                    .map((rs, ctx) -> new CategoryCount(new NoteCategory(rs.getLong("id"), rs.getString("name_da"),
                            rs.getString("name_en"), rs.getBoolean("active"), rs.getInt("position")), rs.getLong("notes")))
                    .list();
            return new Counts(from, to, total, categories);
        });
    }
}
