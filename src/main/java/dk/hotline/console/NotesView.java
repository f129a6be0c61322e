package dk.hotline.console;

import java.util.List;
import java.util.Optional;

/**
 * What Noter / Notes shows: for a leader its own notes and its calls and conversations of the
 * last 14 days that have none; for a coordinator every note, filtered by leader and category.
 */
public record NotesView(boolean coordinator, Optional<String> notice, List<Row> notes, List<Pending> pending,
                        List<Option> leaders, List<Option> categories, boolean filtered) {
    /** One note: when it was written, what about, whose (for coordinators), its categories and words. */
    public record Row(long id, String when, String subject, String leader, String categories, String body) {}

    /** A call or conversation without a note, and the link to write one. */
    public record Pending(String when, String subject, String href) {}

    /** A choice in a filter's list. */
    public record Option(String value, String label, boolean selected) {}
}
