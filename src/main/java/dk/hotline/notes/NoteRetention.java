package dk.hotline.notes;

import dk.hotline.privacy.RetentionRule;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The notes' part of retention: a note written before the cutoff goes, its words and its links to
 * categories with it (so the counts of days past retention go down too: nothing of it is kept).
 * The categories themselves are the organisation's words, not anyone's data.
 */
final class NoteRetention implements RetentionRule {
    @Override
    public Set<String> tables() {
        return Set.of("notes", "note_category_links");
    }

    @Override
    public Map<String, Integer> erase(Jdbi jdbi, Instant cutoff, Instant now) {
        return jdbi.inTransaction(tx -> {
            int links = tx.createUpdate("""
                    DELETE FROM note_category_links WHERE note_id IN (SELECT id FROM notes WHERE created_at < :cutoff)""")
                    .bind("cutoff", cutoff).execute();
            int notes = tx.createUpdate("DELETE FROM notes WHERE created_at < :cutoff").bind("cutoff", cutoff).execute();
            return Map.of("notes", notes, "note_category_links", links);
        });
    }
}
