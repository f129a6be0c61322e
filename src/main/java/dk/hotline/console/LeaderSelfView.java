package dk.hotline.console;

import java.util.Optional;

/** A leader account's own page: who it is (number masked), and its own availability switch. */
public record LeaderSelfView(LeadersView.Row leader, Optional<String> notice) {}
