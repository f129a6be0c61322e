package dk.hotline.console;

import dk.hotline.common.ConflictException;
import dk.hotline.common.ServiceException;
import dk.hotline.web.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What was wrong with a form, field by field, in the reader's language: the error summary at the
 * top links each message to its field ({@code #anchor}), and the field shows its own beside it
 * (the GOV.UK Design System pattern). A service names the field it refused and, where the field
 * alone does not say why, a reason code; the words are the first of
 * {@code <prefix>.conflict.<field>.<reason>}, {@code <prefix>.conflict.<field>} (conflicts only),
 * {@code <prefix>.error.<field>.<reason>}, {@code <prefix>.error.<field>} that the texts have,
 * filled with the refusal's details. A refusal the texts do not know is still shown, in the
 * service's own words.
 */
public record FormErrors(List<FieldError> all) {
    /** One field's error: which field, the element the summary links to ("" for none), the words. */
    public record FieldError(String field, String anchor, String message) {}

    public static final FormErrors NONE = new FormErrors(List.of());

    /**
     * The refusal as a form error; {@code anchors} names the element of a field whose id is not the
     * field's name ("" for a field this form does not show: the summary then names no element).
     */
    static FormErrors of(ServiceException e, Messages t, String prefix, Map<String, String> anchors) {
        String field = e.field() == null ? "form" : e.field();
        String anchor = e.field() == null ? "" : anchors.getOrDefault(field, field);
        return new FormErrors(List.of(new FieldError(field, anchor, words(e, t, prefix, field))));
    }

    private static String words(ServiceException e, Messages t, String prefix, String field) {
        var keys = new ArrayList<String>();
        for (String kind : e instanceof ConflictException ? List.of(".conflict.", ".error.") : List.of(".error.")) {
            e.reason().ifPresent(reason -> keys.add(prefix + kind + field + "." + reason));
            keys.add(prefix + kind + field);
        }
        Object[] details = e.details().toArray();
        return keys.stream().filter(t::has).findFirst().map(key -> t.get(key, details))
                .orElseGet(() -> t.get("form.unknown", e.getMessage()));
    }

    /** The status a form refused by a service comes back with: 409 for a conflict, else 400. */
    static int status(ServiceException e) {
        return e instanceof ConflictException ? 409 : 400;
    }

    public boolean any() {
        return !all.isEmpty();
    }

    public boolean has(String field) {
        return all.stream().anyMatch(e -> e.field().equals(field));
    }

    /** The message beside the element {@code anchor}, or "" when it has none. */
    public String at(String anchor) {
        return all.stream().filter(e -> e.anchor().equals(anchor)).map(FieldError::message).findFirst().orElse("");
    }

    /** The field's message, or "" when it has none. */
    public String of(String field) {
        return all.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse("");
    }

    /** The id of the field's error message, for {@code aria-describedby}; null (no attribute) when it has none. */
    public String describedBy(String field) {
        return has(field) ? field + "-error" : null;
    }

    /** As {@link #describedBy(String)}, for a field that also has a hint ({@code hintId}). */
    public String describedBy(String field, String hintId) {
        return has(field) ? hintId + " " + field + "-error" : hintId;
    }
}
