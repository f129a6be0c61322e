package dk.hotline.console;

import java.util.Optional;

/** A leader account's own page: who it is (number masked), its own availability switch, its calendar link. */
public record LeaderSelfView(LeadersView.Row leader, Optional<String> notice, CalendarLinkView calendar) {}
