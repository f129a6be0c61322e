package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Accounts;
import dk.hotline.web.Actors;
import dk.hotline.web.JsonBody;
import dk.hotline.web.PasswordLinks;
import dk.hotline.web.Principal;
import dk.hotline.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/accounts}: who signs in to the console and the API. Coordinators make accounts (for
 * a leader, tied to that leader), switch them off, remove them, and give out one-time links to set
 * a password; a link is shown once, in the answer that made it.
 */
final class AccountApi {
    private final Jdbi jdbi;
    private final Accounts accounts;
    private final PasswordLinks links;
    private final Leaders leaders;
    private final URI publicUrl;
    private final AuditLog audit;

    AccountApi(Jdbi jdbi, Accounts accounts, PasswordLinks links, Leaders leaders, URI publicUrl, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.accounts = accounts;
        this.links = links;
        this.leaders = leaders;
        this.publicUrl = publicUrl;
    }

    record View(long id, String email, String role, Long leaderId, boolean active, Instant createdAt) {
        static View of(Accounts.Account a) {
            return new View(a.id(), a.email(), a.role().code(), a.leaderId().orElse(null), a.active(), a.createdAt());
        }
    }

    record Change(Boolean active) {}

    record PasswordChange(String current, String password) {}

    void register(RoutesConfig routes) {
        routes.get("/api/me", ctx -> ctx.json(View.of(accounts.byId(Principal.of(ctx).accountId()))), Role.LEADER);
        routes.post("/api/me/password", this::changePassword, Role.LEADER);
        routes.get("/api/accounts", ctx -> ctx.json(accounts.all().stream().map(View::of).toList()));
        routes.post("/api/accounts", this::create);
        routes.get("/api/accounts/{id}", ctx -> ctx.json(View.of(accounts.byId(id(ctx)))));
        routes.patch("/api/accounts/{id}", this::change);
        routes.delete("/api/accounts/{id}", ctx -> {
            accounts.delete(id(ctx), audit.act(Actors.of(ctx), "account.delete", id -> "account:" + id));
            ctx.status(204);
        });
        routes.post("/api/accounts/{id}/password-link", ctx -> {
            var link = links.passwordLink(id(ctx), audit.act(Actors.of(ctx), "account.password_link", id -> "account:" + id));
            ctx.status(201).json(Map.of("passwordLink", linkUrl(link.token()), "expiresAt", link.expiresAt()));
        });
    }

    private void create(Context ctx) {
        var created = NewAccounts.make(jdbi, accounts, leaders, JsonBody.read(ctx, Accounts.NewAccount.class),
                audit.act(Actors.of(ctx), "account.create", a -> "account:" + a.id()));
        var body = new LinkedHashMap<String, Object>();
        var view = View.of(created.account());
        body.put("id", view.id());
        body.put("email", view.email());
        body.put("role", view.role());
        body.put("leaderId", view.leaderId());
        body.put("active", view.active());
        body.put("createdAt", view.createdAt());
        created.passwordLink().ifPresent(link -> {
            body.put("passwordLink", linkUrl(link.token()));
            body.put("passwordLinkExpiresAt", link.expiresAt());
        });
        ctx.status(201).json(body);
    }

    private void change(Context ctx) {
        var in = JsonBody.read(ctx, Change.class);
        if (in.active() == null) {
            throw new InvalidInputException("active", "required: true or false");
        }
        ctx.json(View.of(accounts.setActive(id(ctx), in.active(), audit.act(Actors.of(ctx),
                in.active() ? "account.activate" : "account.deactivate", a -> "account:" + a.id()))));
    }

    /** As the console's own form: knowing the current one; every session and token of the account ends, this one too. */
    private void changePassword(Context ctx) {
        var in = JsonBody.read(ctx, PasswordChange.class);
        links.changePassword(Principal.of(ctx).accountId(), in.current(), in.password(), ctx.ip());
        ctx.status(204);
    }

    private String linkUrl(String token) {
        return NewAccounts.linkUrl(publicUrl, token);
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }
}
