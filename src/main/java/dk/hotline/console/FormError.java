package dk.hotline.console;

/**
 * One problem with what a form sent, as the page shows it: in the error summary at the top,
 * linked to the element with id {@code target}, and beside that field. An empty target is a
 * problem with no one field (a full group): shown in the summary only.
 */
public record FormError(String target, String message) {}
