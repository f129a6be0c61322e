package dk.hotline.console;

/** A new calendar link, shown once on the answer that made it: for whom, the link, and the way back. */
public record CalendarLinkMadeView(String name, boolean self, String link, String back) {}
