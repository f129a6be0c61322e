package dk.hotline.console;

/**
 * A question before something that cannot be undone (cancelling a session, removing a
 * participant or an interest entry): what will happen, a button that posts to {@code action},
 * and the way back.
 */
public record ConfirmView(String question, String consequence, String action, String confirmLabel, String backHref) {}
