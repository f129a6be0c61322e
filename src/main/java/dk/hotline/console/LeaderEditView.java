package dk.hotline.console;

/**
 * The page that changes one leader: the form, the number they have (masked), the switch to
 * (de)activate them, and their calendar link.
 */
public record LeaderEditView(long id, String name, String phone, boolean active, LeaderForm form, CalendarLinkView calendar) {}
