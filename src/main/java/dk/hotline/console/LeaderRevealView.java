package dk.hotline.console;

import java.util.Optional;

/**
 * "Vis nummer" / "Show number": first the form that asks why (with what was typed and what was
 * wrong), then, once, the number in clear (grouped to read, and as a {@code tel:} link to dial) with
 * the reason the audit log now holds.
 */
public record LeaderRevealView(long id, String name, String masked, String reason, FormErrors errors,
                               Optional<String> number, Optional<String> dial) {}
