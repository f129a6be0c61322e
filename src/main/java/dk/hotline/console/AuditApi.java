package dk.hotline.console;

import dk.hotline.privacy.AuditLog;
import dk.hotline.web.Accounts;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/audit}: who was shown personal data in clear, what and why, newest first, 50 at
 * a time ({@code ?from=&to=} local dates, {@code ?page=}). The Revision / Audit page reads the same.
 */
final class AuditApi {
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Accounts accounts;
    private final ZoneId zone;

    AuditApi(Jdbi jdbi, AuditLog audit, Accounts accounts, ZoneId zone) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.accounts = accounts;
        this.zone = zone;
    }

    record View(long id, Instant at, long accountId, String email, String action, String subject, String reason) {}

    void register(RoutesConfig routes) {
        routes.get("/api/audit", ctx -> {
            var slice = AuditQuery.read(ctx).run(jdbi, audit, zone);
            Map<Long, String> emails = emails(accounts);
            ctx.json(slice.entries().stream().map(e -> new View(e.id(), e.at(), e.accountId(), emails.get(e.accountId()),
                    e.action(), e.subject(), e.reason().orElse(null))).toList());
        });
    }

    /** Who each account is, by id: the audit log keeps ids, the reader wants addresses. */
    static Map<Long, String> emails(Accounts accounts) {
        return accounts.all().stream().collect(Collectors.toMap(Accounts.Account::id, Accounts.Account::email));
    }
}
