package dk.hotline.console;

import java.util.List;

/**
 * What Grupper / Groups shows: the groups with their next session, and the form to create one
 * (as typed, when it was refused, with the errors).
 */
public record GroupsView(List<Row> groups, List<Choice> leaders, Form form, FormErrors errors) {
    /** A group in the list: its leader's name, places taken, and its next session ("" when none is ahead). */
    public record Row(long id, String name, String smsName, String leader, int capacity, int participants, String nextSession) {}

    /** An option of a select. */
    public record Choice(String value, String label, boolean selected) {}

    /** The form's fields as typed; the names are the JSON API's. */
    public record Form(String name, String smsName, String location, String leaderId, String capacity, String firstSession,
                       String weeks, String durationMinutes) {
        static final Form EMPTY = new Form("", "", "", "", "6", "", "6", "120");
    }

    /** The error beside the field with id {@code target}, or "". */
    public String errorFor(String target) {
        return errors.at(target);
    }
}
