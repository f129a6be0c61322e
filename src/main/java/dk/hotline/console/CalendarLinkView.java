package dk.hotline.console;

import java.util.Optional;

/**
 * The "Kalenderlink" part of a leader's page: whose it is ({@code self}: the leader's own page),
 * since when the current link exists (local time), and what was just done.
 */
public record CalendarLinkView(long leaderId, boolean self, Optional<String> since, Optional<String> notice) {}
