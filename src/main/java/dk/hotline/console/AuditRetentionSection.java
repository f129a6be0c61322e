package dk.hotline.console;

import dk.hotline.privacy.Retention;
import dk.hotline.web.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Audit page's "Erasure" section: each retention rule with what it is about and when it
 * erases (the ages from the config: {@code retention.days}, {@code audit.retentionDays}) or why it
 * keeps, and the last run: when, and how much each table lost.
 */
final class AuditRetentionSection {
    private final Retention retention;
    private final ZoneId zone;

    AuditRetentionSection(Retention retention, ZoneId zone) {
        this.retention = retention;
        this.zone = zone;
    }

    AuditView.Retention view(Messages t) {
        var rules = retention.plan().stream().map(rule -> new AuditView.Rule(
                rule.tables().stream().map(table -> table(table, t)).collect(Collectors.joining("; ")),
                String.join(", ", rule.tables()),
                rule.kept().map(why -> t.get("audit.retention.kept", kept(rule.tables().get(0), why, t)))
                        .orElseGet(() -> t.get(rule.tables().contains("audit_log") ? "audit.retention.auditAfter"
                                : "audit.retention.after", rule.days()))))
                .toList();
        var last = retention.lastRun();
        if (last.isEmpty()) {
            return new AuditView.Retention(rules, t.get("audit.retention.never"), List.of(), Optional.empty());
        }
        var run = last.get();
        var when = DateTimeFormatter.ofPattern("EEEE d/M yyyy HH:mm", t.language().locale());
        var erased = run.erased().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> t.get("audit.retention.count", table(e.getKey(), t), e.getValue())).toList();
        return new AuditView.Retention(rules, t.get("audit.retention.lastRun", when.format(run.startedAt().atZone(zone))), erased,
                run.failed().isEmpty() ? Optional.empty() : Optional.of(t.get("audit.retention.failed",
                        run.failed().stream().map(table -> table(table, t)).collect(Collectors.joining("; ")))));
    }

    private static String table(String table, Messages t) {
        String key = "retention.table." + table;
        return t.has(key) ? t.get(key) : table;
    }

    private static String kept(String table, String why, Messages t) {
        String key = "audit.retention.why." + table;
        return t.has(key) ? t.get(key) : why;
    }
}
