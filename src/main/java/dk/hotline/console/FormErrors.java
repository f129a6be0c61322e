package dk.hotline.console;

import dk.hotline.common.ConflictException;
import dk.hotline.common.ServiceException;
import dk.hotline.web.Messages;
import java.util.List;
import java.util.Map;

/**
 * What was wrong with a form, field by field, in the reader's language: the error summary at the
 * top links each message to its field ({@code #anchor}), and the field shows its own beside it
 * (the GOV.UK Design System pattern). A service names the field it refused; the words come from
 * {@code <prefix>.error.<field>}, or {@code <prefix>.conflict.<field>} for a conflict.
 */
public record FormErrors(List<FieldError> all) {
    /** One field's error: which field, the element the summary links to, the words. */
    public record FieldError(String field, String anchor, String message) {}

    public static final FormErrors NONE = new FormErrors(List.of());

    /** The refusal as a form error; {@code anchors} names the element of a field whose id is not the field's name. */
    static FormErrors of(ServiceException e, Messages t, String prefix, Map<String, String> anchors) {
        String field = e.field() == null ? "form" : e.field();
        String key = prefix + (e instanceof ConflictException ? ".conflict." : ".error.") + field;
        return new FormErrors(List.of(new FieldError(field, anchors.getOrDefault(field, field), t.get(key))));
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
