package dk.hotline.console;

import java.util.List;
import java.util.Optional;

/**
 * What Beskeder / Texts shows: the filter as chosen (and what was wrong with it), one page of
 * conversations (newest activity first, times in the rota's zone), and links to the pages either side.
 */
public record TextsView(List<Option> states, String from, String to, FormErrors errors, List<Row> rows, long total,
                        int page, int pages, Optional<String> newer, Optional<String> older) {
    /** A choice in a select. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * One conversation, in words: its K-number, when it opened, open or closed, the texter's
     * masked number, who took it, texts in and out, the last text, and whether one waits for an answer.
     */
    public record Row(long id, String tag, String opened, String state, String number, String leader, int textsIn,
                      int textsOut, String lastActivity, boolean waiting) {}
}
