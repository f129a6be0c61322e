package dk.hotline.console;

import java.util.List;
import java.util.Optional;

/**
 * What Revision / Audit shows: the date filter as typed (and what was wrong with it), one page of
 * the audit log (newest first, times in the rota's zone), and links to the newer and older pages.
 */
public record AuditView(String from, String to, FormErrors errors, List<Row> rows, long total, int page, int pages,
                        Optional<String> newer, Optional<String> older) {
    /** One look at a number: when, who (e-mail), what (in words, and as stored: {@code leader:12}), why. */
    public record Row(String when, String who, String what, String subject, String why) {}
}
