package dk.hotline.console;

import java.util.List;

/**
 * What the interest list shows: who asked to hear about a group (numbers masked), oldest first,
 * which group each was invited to, and for each a choice of group to invite them to.
 */
public record InterestView(List<Row> entries, List<GroupsView.Choice> groups, FormErrors errors, String notice) {
    /**
     * An entry: its number masked, language and source in words, since when, the invitation ("" when none),
     * and the group chosen for it when an invitation was refused ("" otherwise).
     */
    public record Row(long id, String phone, String language, String source, String since, String invited, String chosenGroup) {}

    /** The error beside the field with id {@code target}, or "". */
    public String errorFor(String target) {
        return errors.at(target);
    }
}
