package dk.hotline.console;

import dk.hotline.web.Messages;
import gg.jte.Content;

/**
 * One section of Statistik / Stats: a picture, the table of its numbers beside it, and the same
 * table as CSV at {@code /stats/<id>.csv}. The page shows {@link StatsPage#SECTIONS} in order.
 */
interface StatsSection {
    /** In the CSV's path and as the section's anchor: {@code calls-by-hour}. */
    String id();

    /** The key of the section's heading. */
    String titleKey();

    /** The key of the sentence under the heading that says what is counted. */
    String noteKey();

    /** The key of what the section says instead of a picture and a table when the period has nothing to count. */
    String emptyKey();

    boolean isEmpty(StatsFigures figures);

    StatsTable table(StatsFigures figures, Messages t);

    Content chart(StatsFigures figures, Messages t);
}
