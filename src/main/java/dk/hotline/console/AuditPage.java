package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.AuditChain;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.Retention;
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
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /audit}: Revision / Audit, coordinators only. Every audited act (a number shown in clear,
 * a sign-in, a change to an account, a leader or the rota): when (local time), who (the account's
 * e-mail), what in words, why and from where, newest first, 50 a page, filtered by local dates.
 * Reads what {@code /api/audit} reads ({@link AuditQuery}). Below: whether the log's chain holds
 * ({@link AuditChain}, as {@code /api/audit/verify}), and what retention erases, as configured,
 * and when it last ran ({@link AuditRetentionSection}).
 */
final class AuditPage {
    private final Jdbi jdbi;
    private final Pages pages;
    private final AuditLog audit;
    private final Accounts accounts;
    private final Leaders leaders;
    private final ZoneId zone;
    private final AuditChain chain;
    private final AuditRetentionSection retention;

    AuditPage(Jdbi jdbi, Pages pages, AuditLog audit, Accounts accounts, Leaders leaders, Retention retention, ZoneId zone) {
        this.jdbi = jdbi;
        this.chain = new AuditChain(jdbi);
        this.retention = new AuditRetentionSection(retention, zone);
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
                    List.of(), 0, 1, 1, Optional.empty(), Optional.empty(), chain(t), retention.view(t)));
            return;
        }
        var slice = query.run(jdbi, audit, zone);
        Map<Long, String> emails = AuditApi.emails(accounts);
        Map<Long, String> names = jdbi.withHandle(leaders::all).stream().collect(Collectors.toMap(Leader::id, Leader::name));
        var when = DateTimeFormatter.ofPattern("EEE d/M yyyy HH:mm", t.language().locale());
        var rows = slice.entries().stream().map(e -> new AuditView.Row(when.format(e.at().atZone(zone)),
                        e.accountId().map(id -> Optional.ofNullable(emails.get(id)).orElse(t.get("audit.account", id)))
                                .orElse(t.get("audit.nobody")),
                        AuditWords.what(e.action(), e.subject(), names, emails, t), e.subject(),
                        e.reason().orElse(t.get("audit.noReason")), e.address().orElse(t.get("audit.noAddress"))))
                .toList();
        int pageCount = (int) Math.max(1, (slice.total() + AuditQuery.PAGE_SIZE - 1) / AuditQuery.PAGE_SIZE);
        int page = query.page();
        pages.render(ctx, "audit.jte", "audit.title", new AuditView(from, to, FormErrors.NONE, rows, slice.total(), page,
                pageCount, page > 1 ? Optional.of(href(from, to, page - 1)) : Optional.empty(),
                page < pageCount ? Optional.of(href(from, to, page + 1)) : Optional.empty(), chain(t), retention.view(t)));
    }

    /** The chain checked now, in words: whole, or where it first breaks. */
    private AuditView.Chain chain(Messages t) {
        var verdict = chain.verify();
        if (verdict.ok()) {
            return new AuditView.Chain(true, t.get("audit.verify.ok", verdict.rows()));
        }
        var broken = verdict.firstBroken().orElseThrow();
        var when = DateTimeFormatter.ofPattern("d/M yyyy HH:mm", t.language().locale());
        return new AuditView.Chain(false, broken.at()
                .map(at -> t.get("audit.verify.broken", String.valueOf(broken.id()), when.format(at.atZone(zone))))
                .orElseGet(() -> t.get("audit.verify.missing", String.valueOf(broken.id()))));
    }

    private static String href(String from, String to, int page) {
        return "/audit?from=" + enc(from) + "&to=" + enc(to) + "&page=" + page;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
