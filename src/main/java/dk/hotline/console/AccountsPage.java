package dk.hotline.console;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Accounts;
import dk.hotline.web.Actors;
import dk.hotline.web.Messages;
import dk.hotline.web.PasswordLinks;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /accounts}: Konti / Accounts, coordinators only. Lists who signs in, makes an account
 * (with a password, or with a one-time link shown once on the answer), switches one off and on,
 * gives one a new link (shown once), and removes one the audit log does not name; the service's
 * refusals are said plainly. Everything through {@link Accounts} and {@link PasswordLinks}, as
 * {@code /api/accounts} does.
 */
final class AccountsPage {
    private static final Set<String> DONE = Set.of("created", "activated", "deactivated", "deleted");
    private static final Map<String, String> ANCHORS = Map.of("role", "role-leader");

    private final Jdbi jdbi;
    private final Pages pages;
    private final Accounts accounts;
    private final PasswordLinks links;
    private final Leaders leaders;
    private final URI publicUrl;
    private final ZoneId zone;
    private final AuditLog audit;

    AccountsPage(Jdbi jdbi, Pages pages, Accounts accounts, PasswordLinks links, Leaders leaders, URI publicUrl, ZoneId zone,
                 AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.pages = pages;
        this.accounts = accounts;
        this.links = links;
        this.leaders = leaders;
        this.publicUrl = publicUrl;
        this.zone = zone;
    }

    void register(RoutesConfig routes) {
        routes.get("/accounts", ctx -> list(ctx, FormErrors.NONE, AccountsView.Form.BLANK));
        routes.post("/accounts", this::create);
        routes.post("/accounts/{id}/active", this::active);
        routes.post("/accounts/{id}/password-link", ctx -> {
            Principal.coordinator(ctx);
            long id = LeadersPage.id(ctx);
            showLink(ctx, accounts.byId(id).email(), links.passwordLink(id, audit.act(Actors.of(ctx), "account.password_link",
                    account -> "account:" + account)), false);
        });
        routes.get("/accounts/{id}/delete", ctx -> {
            Principal.coordinator(ctx);
            var account = accounts.byId(LeadersPage.id(ctx));
            pages.render(ctx, "account_delete.jte", "accounts.delete.title", new AccountDeleteView(account.id(), account.email()));
        });
        routes.post("/accounts/{id}/delete", this::delete);
    }

    private void list(Context ctx, FormErrors errors, AccountsView.Form form) {
        long self = Principal.coordinator(ctx).accountId();
        Messages t = pages.messages(ctx);
        Map<Long, String> names = jdbi.withHandle(leaders::all).stream().collect(Collectors.toMap(Leader::id, Leader::name));
        var rows = accounts.all().stream().map(a -> new AccountsView.Row(a.id(), a.email(), t.get("accounts.role." + a.role().code()),
                a.leaderId().map(id -> names.getOrDefault(id, t.get("accounts.leaderGone"))).orElse(""), a.active(),
                a.id() == self)).toList();
        var options = names.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> new AccountsView.Option(String.valueOf(e.getKey()), e.getValue(), form.leaderId().equals(String.valueOf(e.getKey()))))
                .toList();
        pages.render(ctx, "accounts.jte", "accounts.title", new AccountsView(rows, options, notice(ctx, t), errors, form));
    }

    private void create(Context ctx) {
        Principal.coordinator(ctx);
        var form = new AccountsView.Form(field(ctx, "email"), field(ctx, "role"), field(ctx, "leaderId"));
        String password = ctx.formParam("password");
        try {
            var in = new Accounts.NewAccount(form.email(), password == null || password.isEmpty() ? null : password,
                    form.role().isEmpty() ? null : form.role(), leaderId(form.leaderId()));
            var created = NewAccounts.make(jdbi, accounts, leaders, in,
                    audit.act(Actors.of(ctx), "account.create", a -> "account:" + a.id()));
            if (created.passwordLink().isPresent()) {
                showLink(ctx, created.account().email(), created.passwordLink().get(), true);
            } else {
                ctx.redirect("/accounts?done=created&id=" + created.account().id(), HttpStatus.SEE_OTHER);
            }
        } catch (InvalidInputException | ConflictException e) {
            ctx.status(FormErrors.status(e));
            list(ctx, FormErrors.of(e, pages.messages(ctx), "accounts", ANCHORS), form);
        }
    }

    private void active(Context ctx) {
        Principal.coordinator(ctx);
        long id = LeadersPage.id(ctx);
        boolean active = "true".equals(ctx.formParam("active"));
        try {
            accounts.setActive(id, active, audit.act(Actors.of(ctx), active ? "account.activate" : "account.deactivate",
                    a -> "account:" + a.id()));
            ctx.redirect("/accounts?done=" + (active ? "activated" : "deactivated") + "&id=" + id, HttpStatus.SEE_OTHER);
        } catch (ConflictException e) {
            ctx.status(409);
            list(ctx, FormErrors.of(e, pages.messages(ctx), "accounts", Map.of("active", "account-" + id)), AccountsView.Form.BLANK);
        }
    }

    private void delete(Context ctx) {
        Principal.coordinator(ctx);
        long id = LeadersPage.id(ctx);
        try {
            accounts.delete(id, audit.act(Actors.of(ctx), "account.delete", account -> "account:" + account));
            ctx.redirect("/accounts?done=deleted", HttpStatus.SEE_OTHER);
        } catch (ConflictException e) {
            ctx.status(409);
            var anchors = Map.of("id", "account-" + id, "active", "account-" + id);
            list(ctx, FormErrors.of(e, pages.messages(ctx), "accounts.delete", anchors), AccountsView.Form.BLANK);
        }
    }

    /** The link, once: on this answer only, never cached. */
    private void showLink(Context ctx, String email, PasswordLinks.PasswordLink link, boolean created) {
        ctx.header("Cache-Control", "no-store");
        var format = DateTimeFormatter.ofPattern("EEEE d/M yyyy HH:mm", pages.messages(ctx).language().locale());
        pages.render(ctx, "account_link.jte", created ? "accounts.link.createdTitle" : "accounts.link.title",
                new AccountLinkView(email, NewAccounts.linkUrl(publicUrl, link.token()), format.format(link.expiresAt().atZone(zone)),
                        created));
    }

    private Optional<String> notice(Context ctx, Messages t) {
        String done = ctx.queryParam("done");
        if (done == null || !DONE.contains(done)) {
            return Optional.empty();
        }
        String email = Optional.ofNullable(ctx.queryParam("id")).flatMap(raw -> accounts.all().stream()
                .filter(a -> String.valueOf(a.id()).equals(raw)).findFirst()).map(Accounts.Account::email).orElse("");
        return Optional.of(t.get("accounts.done." + done, email));
    }

    private static Long leaderId(String raw) {
        if (raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("leaderId", "no such leader");
        }
    }

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").trim();
    }
}
