package dk.hotline.console;

import java.util.List;

/**
 * One problem with what a form sent, as the page shows it: in the error summary at the top,
 * linked to the element with id {@code target}, and beside that field. An empty target is a
 * problem with no one field (a full group): shown in the summary only.
 */
public record FormError(String target, String message) {
    /** The message shown beside the field {@code target}, or "" when it has none. */
    static String messageFor(List<FormError> errors, String target) {
        return errors.stream().filter(e -> e.target().equals(target)).map(FormError::message).findFirst().orElse("");
    }
}
