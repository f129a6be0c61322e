package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Actors;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /leaders/{id}/reveal}: "Vis nummer" / "Show number". A coordinator says why (required
 * here, e.g. "ringer tilbage efter aftale"); the answer to that post shows the number once, and
 * only there: not in a URL, not behind a redirect, never cached. The audit row (who, when,
 * {@code leader:12}, why) is written in the transaction that reads the number, as {@code
 * /api/leaders/{id}?reveal=true&reason=…} writes it.
 */
final class LeaderRevealPage {
    private final Jdbi jdbi;
    private final Pages pages;
    private final Leaders leaders;
    private final AuditLog audit;

    LeaderRevealPage(Jdbi jdbi, Pages pages, Leaders leaders, AuditLog audit) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.leaders = leaders;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/leaders/{id}/reveal", ctx -> {
            Principal.coordinator(ctx);
            Leader leader = jdbi.withHandle(tx -> leaders.byId(tx, LeadersPage.id(ctx))).orElseThrow(LeadersPage::notFound);
            show(ctx, leader, "", FormErrors.NONE, Optional.empty());
        });
        routes.post("/leaders/{id}/reveal", this::reveal);
    }

    private void reveal(Context ctx) {
        long account = Principal.coordinator(ctx).accountId();
        long id = LeadersPage.id(ctx);
        String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("").trim();
        try {
            if (reason.isEmpty()) {
                throw new InvalidInputException("reason", "required");
            }
            Leader leader = jdbi.inTransaction(tx -> {
                var found = leaders.byId(tx, id).orElseThrow(LeadersPage::notFound);
                audit.revealed(tx, Actors.of(ctx), "leader:" + id, Optional.of(reason));
                return found;
            });
            show(ctx, leader, reason, FormErrors.NONE, Optional.of(leader.phone()));
        } catch (InvalidInputException e) {
            ctx.status(400);
            Leader leader = jdbi.withHandle(tx -> leaders.byId(tx, id)).orElseThrow(LeadersPage::notFound);
            show(ctx, leader, reason, FormErrors.of(e, pages.messages(ctx), "reveal", Map.of()), Optional.empty());
        }
    }

    private void show(Context ctx, Leader leader, String reason, FormErrors errors, Optional<PhoneNumber> number) {
        // The number is on this answer only: neither the browser nor anything between may keep it.
        ctx.header("Cache-Control", "no-store");
        pages.render(ctx, "leader_reveal.jte", number.isPresent() ? "reveal.shown.title" : "reveal.title",
                new LeaderRevealView(leader.id(), leader.name(), leader.phone().masked(), reason, errors,
                        number.map(PhoneNumber::readable), number.map(PhoneNumber::e164)));
    }
}
