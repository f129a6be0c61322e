package dk.hotline.console;

import java.util.List;
import java.util.Optional;

/**
 * What Opkald / Calls shows: the filter as typed (and what was wrong with it), the outcomes to
 * pick from, one page of calls (newest first, times in the rota's zone) and links to the others.
 */
public record CallsView(String from, String to, String outcome, List<Choice> outcomes, FormErrors errors, List<Row> rows,
                        int total, int page, int pages, Optional<String> newer, Optional<String> older) {
    /** An outcome to filter by: its code and its words. */
    public record Choice(String code, String label) {}

    /** One call: when, the masked number, menu keys and language, the outcome in words, wait and talk time. */
    public record Row(String when, String caller, String menu, String language, String outcome, boolean missed,
                      String waited, String talked) {}
}
