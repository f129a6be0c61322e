package dk.hotline.console;

import java.util.List;

/** Finds the error a form shows beside one field. */
final class FormErrors {
    private FormErrors() {}

    static String of(List<FormError> errors, String target) {
        return errors.stream().filter(e -> e.target().equals(target)).map(FormError::message).findFirst().orElse("");
    }
}
