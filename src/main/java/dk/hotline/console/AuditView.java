package dk.hotline.console;

import java.util.List;
import java.util.Optional;

/**
 * What Revision / Audit shows: the date filter as typed (and what was wrong with it), one page of
 * the audit log (newest first, times in the rota's zone), links to the newer and older pages,
 * whether the log's chain holds, and what retention erases and when it last ran.
 */
public record AuditView(String from, String to, FormErrors errors, List<Row> rows, long total, int page, int pages,
                        Optional<String> newer, Optional<String> older, Chain chain, Retention retention) {
    /** One audited act: when, who (e-mail), what (in words, and as stored: {@code leader:12}), why, from which address. */
    public record Row(String when, String who, String what, String subject, String why, String from) {}

    /** The chain's verdict, in words. */
    public record Chain(boolean ok, String words) {}

    /** Each rule of retention in words, and the last run: when, what it erased, and what failed. */
    public record Retention(List<Rule> rules, String lastRun, List<String> erased, Optional<String> failed) {}

    /** One rule: what it is about (its tables in words), the tables as named, and when it erases or why it keeps. */
    public record Rule(String what, String tables, String when) {}
}
