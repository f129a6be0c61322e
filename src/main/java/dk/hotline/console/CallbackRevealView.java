package dk.hotline.console;

import java.util.Optional;

/**
 * "Vis nummer" for a callback request: the form that asks why (with what was typed and what was
 * wrong), then, once, the number in clear with the reason the audit log now holds.
 */
public record CallbackRevealView(long id, String masked, String reason, FormErrors errors, Optional<String> number,
                                 Optional<String> dial) {}
