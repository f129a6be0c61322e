package dk.hotline.console;

/**
 * A one-time link to set a password, shown once on the answer that made it: for whom, the link,
 * until when it works (local time), and whether the account was just made or only got a new link.
 */
public record AccountLinkView(String email, String link, String expires, boolean created) {}
