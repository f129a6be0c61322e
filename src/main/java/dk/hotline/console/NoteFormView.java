package dk.hotline.console;

import java.util.List;

/**
 * The form that writes or changes a note: what it is about, the words (with how many of the
 * {@code maxLength} characters they use), the categories to tick, and what was wrong last time.
 */
public record NoteFormView(String heading, String action, String subjectField, String subjectValue, String body,
                           int maxLength, List<Category> categories, FormErrors errors) {
    /** A category to tick; a switched-off one shows only on a note that has it. */
    public record Category(long id, String label, boolean checked) {}
}
