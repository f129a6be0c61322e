package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Accounts;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /audit}: Revision / Audit, coordinators only. Every time someone was shown a number in
 * clear: when (local time), who (the account's e-mail), what and why, newest first, 50 a page,
 * filtered by local dates. Reads what {@code /api/audit} reads ({@link AuditQuery}).
 */
final class AuditPage {
    /** The kinds of subject the audit log names, each with its words ({@code audit.subject.<kind>}). */
    private static final Set<String> KINDS = Set.of("leader", "callback", "group-interest", "blocklist", "voicemail");

    private final Jdbi jdbi;
    private final Pages pages;
    private final AuditLog audit;
    private final Accounts accounts;
    private final Leaders leaders;
    private final ZoneId zone;

    AuditPage(Jdbi jdbi, Pages pages, AuditLog audit, Accounts accounts, Leaders leaders, ZoneId zone) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.audit = audit;
        this.accounts = accounts;
        this.leaders = leaders;
        this.zone = zone;
    }

    void register(RoutesConfig routes) {
        routes.get("/audit", this::show);
    }

    private void show(Context ctx) {
        Principal.coordinator(ctx);
        Messages t = pages.messages(ctx);
        String from = Optional.ofNullable(ctx.queryParam("from")).orElse("").trim();
        String to = Optional.ofNullable(ctx.queryParam("to")).orElse("").trim();
        AuditQuery query;
        try {
            query = AuditQuery.read(ctx);
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "audit.jte", "audit.title", new AuditView(from, to, FormErrors.of(e, t, "audit", Map.of()),
                    List.of(), 0, 1, 1, Optional.empty(), Optional.empty()));
            return;
        }
        var slice = query.run(jdbi, audit, zone);
        Map<Long, String> emails = AuditApi.emails(accounts);
        Map<Long, String> names = jdbi.withHandle(leaders::all).stream().collect(Collectors.toMap(Leader::id, Leader::name));
        var when = DateTimeFormatter.ofPattern("EEE d/M yyyy HH:mm", t.language().locale());
        var rows = slice.entries().stream().map(e -> new AuditView.Row(when.format(e.at().atZone(zone)),
                        e.accountId().map(id -> Optional.ofNullable(emails.get(id)).orElse(t.get("audit.account", id)))
                                .orElse(t.get("audit.nobody")),
                        what(e.subject(), names, t), e.subject(), e.reason().orElse(t.get("audit.noReason"))))
                .toList();
        int pageCount = (int) Math.max(1, (slice.total() + AuditQuery.PAGE_SIZE - 1) / AuditQuery.PAGE_SIZE);
        int page = query.page();
        pages.render(ctx, "audit.jte", "audit.title", new AuditView(from, to, FormErrors.NONE, rows, slice.total(), page,
                pageCount, page > 1 ? Optional.of(href(from, to, page - 1)) : Optional.empty(),
                page < pageCount ? Optional.of(href(from, to, page + 1)) : Optional.empty()));
    }

    /** "Leder Anna" for {@code leader:12}, "Opringningsønske nr. 5" for {@code callback:5}; as stored when unknown. */
    private static String what(String subject, Map<Long, String> leaderNames, Messages t) {
        int colon = subject.indexOf(':');
        if (colon < 0 || !KINDS.contains(subject.substring(0, colon))) {
            return subject;
        }
        String kind = subject.substring(0, colon);
        String id = subject.substring(colon + 1);
        if (kind.equals("leader")) {
            try {
                String name = leaderNames.get(Long.parseLong(id));
                if (name != null) {
                    return t.get("audit.subject.leaderNamed", name);
                }
            } catch (NumberFormatException e) {
                return subject;
            }
        }
        return t.get("audit.subject." + kind, id);
    }

    private static String href(String from, String to, int page) {
        return "/audit?from=" + enc(from) + "&to=" + enc(to) + "&page=" + page;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
