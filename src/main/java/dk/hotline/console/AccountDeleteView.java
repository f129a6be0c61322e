package dk.hotline.console;

/** The question before an account is removed: which one. */
public record AccountDeleteView(long id, String email) {}
