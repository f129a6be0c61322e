package dk.hotline.console;

import java.util.List;
import java.util.Optional;

/**
 * The page of a person's access and erasure requests at one of its steps: the form (what was typed,
 * what was wrong), the export (each kind with its count and records, the leaders named), the
 * question before erasing, or what the erasure did. The number typed travels only in the bodies of
 * the page's forms, never in a URL.
 */
public record SubjectView(Step step, String phone, String reason, boolean words, FormErrors errors, String masked,
                          List<String> leaders, List<Section> sections, List<String> kept) {
    public enum Step { FORM, EXPORT, CONFIRM, ERASED }

    /** One kind of record: its label, how many (or -1 for a state), and the records field by field. */
    public record Section(String label, int count, List<List<ExportRows.Row>> records) {}

    static SubjectView form(String phone, String reason, boolean words, FormErrors errors) {
        return new SubjectView(Step.FORM, phone, reason, words, errors, "", List.of(), List.of(), List.of());
    }

    public boolean is(String name) {
        return step.name().equalsIgnoreCase(name);
    }

    public Optional<String> maskedNumber() {
        return masked.isEmpty() ? Optional.empty() : Optional.of(masked);
    }
}
