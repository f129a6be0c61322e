package dk.hotline.console;

import dk.hotline.privacy.AuditChain;
import dk.hotline.privacy.AuditLog;
import dk.hotline.web.Accounts;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/audit}: who was shown personal data in clear or did another audited act, what,
 * why and from where, with each row's hash in the chain, newest first, 50 at a time
 * ({@code ?from=&to=} local dates, {@code ?page=}). The Revision / Audit page reads the same.
 * {@code GET /api/audit/verify}: whether the chain holds, and else its first broken row.
 */
final class AuditApi {
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Accounts accounts;
    private final AuditChain chain;
    private final ZoneId zone;

    AuditApi(Jdbi jdbi, AuditLog audit, Accounts accounts, ZoneId zone) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.accounts = accounts;
        this.chain = new AuditChain(jdbi);
        this.zone = zone;
    }

    /** One row; {@code accountId} and {@code email} are null for a failed sign-in, {@code address} for the service's own acts. */
    record View(long id, Instant at, Long accountId, String email, String action, String subject, String reason, String address,
                String hash) {}

    void register(RoutesConfig routes) {
        routes.get("/api/audit", ctx -> {
            var slice = AuditQuery.read(ctx).run(jdbi, audit, zone);
            Map<Long, String> emails = emails(accounts);
            ctx.json(slice.entries().stream().map(e -> new View(e.id(), e.at(), e.accountId().orElse(null),
                    e.accountId().map(emails::get).orElse(null), e.action(), e.subject(), e.reason().orElse(null),
                    e.address().orElse(null), HexFormat.of().formatHex(e.hash()))).toList());
        });
        routes.get("/api/audit/verify", ctx -> ctx.json(verdict(chain.verify())));
    }

    /** {@code {"ok":true,"rows":N}}, or with {@code "firstBroken":{"id":…,"at":…}} when the chain breaks. */
    static Map<String, Object> verdict(AuditChain.Verdict v) {
        var body = new LinkedHashMap<String, Object>();
        body.put("ok", v.ok());
        body.put("rows", v.rows());
        v.firstBroken().ifPresent(b -> {
            var broken = new LinkedHashMap<String, Object>();
            broken.put("id", b.id());
            broken.put("at", b.at().orElse(null));
            body.put("firstBroken", broken);
        });
        return body;
    }

    /** Who each account is, by id: the audit log keeps ids, the reader wants addresses. */
    static Map<Long, String> emails(Accounts accounts) {
        return accounts.all().stream().collect(Collectors.toMap(Accounts.Account::id, Accounts.Account::email));
    }
}
