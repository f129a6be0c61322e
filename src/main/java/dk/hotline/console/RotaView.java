package dk.hotline.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Vagtplan / Rota page shows for one ISO week, as words and local times ready to print
 * (in the rota's zone). A leader account gets the week only: {@code coordinator} false, no forms.
 *
 * @param week the ISO week shown, e.g. {@code 2026-W49}, which every form sends back
 * @param previousWeek the week before, for the link; {@code nextWeek} likewise
 * @param currentWeek whether the week shown is this week
 * @param gaps how many stretches of the week nobody is on call for
 * @param notice what the last change did, or empty
 * @param problems the error summary of a refused form, each linking to its field
 * @param add the add-a-shift form, as typed when it was refused
 * @param edit the shift chosen to move, hand over or delete, with its forms
 * @param template the add-a-weekly-shift form
 * @param weeksAhead how far ahead weekly shifts are made
 */
public record RotaView(
        boolean coordinator,
        String week,
        String heading,
        String previousWeek,
        int previousNumber,
        String nextWeek,
        int nextNumber,
        boolean currentWeek,
        List<Day> days,
        int gaps,
        String notice,
        List<Problem> problems,
        List<Option> leaders,
        List<Option> weekdays,
        Form add,
        Optional<Edit> edit,
        List<TemplateRow> templates,
        Form template,
        String zone,
        int weeksAhead) {

    /** Whether nobody has a shift in the week at all. */
    public boolean empty() {
        return days.stream().allMatch(d -> d.entries().stream().allMatch(Entry::gap));
    }

    /** One day, Monday first: its shifts and the stretches nobody is on call, in order of time. */
    public record Day(String title, boolean today, String hoursNote, List<Entry> entries) {}

    /**
     * A shift (a leader's name, local start–end) or a gap ({@code gap}: "nobody on call", its
     * hours within the day). {@code note} says when a shift crosses midnight or does not count;
     * {@code editHref} is empty when the reader may not change it.
     */
    public record Entry(boolean gap, String who, String time, String note, boolean own, boolean inactive,
                        String editHref, String editLabel) {}

    /** An option of a select: the value sent, the words shown. */
    public record Option(String value, String label) {}

    /** A weekly shift, as its table row shows it. */
    public record TemplateRow(long id, String weekday, String time, String leader) {}

    /** A line of the error summary: the message, and the field it is about ({@code #id}). */
    public record Problem(String message, String href) {}

    /** The chosen shift: what it is, and its move, hand-over and delete forms. */
    public record Edit(long id, String summary, Form move, Form handOver, List<Option> otherLeaders) {}

    /** A form's values (as typed, by the API's field names) and the error beside each field, if any. */
    public record Form(Map<String, String> values, Map<String, String> errors) {
        static final Form EMPTY = new Form(Map.of(), Map.of());

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        /** The error beside the field, or empty. */
        public String error(String field) {
            return errors.getOrDefault(field, "");
        }
    }
}
