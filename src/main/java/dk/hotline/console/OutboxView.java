package dk.hotline.console;

import java.util.List;
import java.util.Optional;

/**
 * What Udsendt / Outbox shows: whether this is a dry run (nothing goes to Twilio), the filter as
 * chosen (and what was wrong with it), one page of texts and calls newest first, and links to the
 * pages either side.
 */
public record OutboxView(boolean dryRun, List<TextsView.Option> statuses, List<TextsView.Option> kinds, FormErrors errors,
                         List<Row> rows, long total, int page, int pages, Optional<String> newer, Optional<String> older) {
    /**
     * One text or call: what for (in words), to whom (masked), how far it came (with Twilio's error
     * code, or why it was cancelled), how many tries, when it is or was due, and when it went.
     */
    public record Row(String kind, boolean call, String to, String status, String state, int attempts, String due,
                      String sent) {}
}
