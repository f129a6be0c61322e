package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import dk.hotline.followups.CallbackRequest;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.web.Actors;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /callbacks/{id}/reveal}: the number of someone who asked to be called back, as {@link
 * LeaderRevealPage} shows a leader's: a reason is required, the answer to that post shows the
 * number once (not in a URL, not behind a redirect, never cached), and the audit row (who, when,
 * {@code callback:5}, why) is written in the transaction that reads it. A leader account may look
 * only at a request it was told of or rung for; the caller agreed to be called back.
 */
final class CallbackRevealPage {
    private static final int MAX_REASON = 300;

    private final Jdbi jdbi;
    private final Pages pages;
    private final CallbackRequests callbacks;
    private final AuditLog audit;

    CallbackRevealPage(Jdbi jdbi, Pages pages, CallbackRequests callbacks, AuditLog audit) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.callbacks = callbacks;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/callbacks/{id}/reveal", ctx -> show(ctx, request(ctx), "", FormErrors.NONE, Optional.empty()));
        routes.post("/callbacks/{id}/reveal", this::reveal);
    }

    private void reveal(Context ctx) {
        Principal principal = Principal.of(ctx);
        long id = CallbacksPage.id(ctx);
        String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("").trim();
        try {
            if (reason.isEmpty() || reason.length() > MAX_REASON) {
                throw new InvalidInputException("reason", "required, at most " + MAX_REASON + " characters");
            }
            CallbackRequest request = jdbi.inTransaction(tx -> {
                var found = readable(CallbackAccess.find(tx, callbacks, principal, id));
                audit.revealed(tx, Actors.of(ctx), "callback:" + id, Optional.of(reason));
                return found;
            });
            show(ctx, request, reason, FormErrors.NONE, Optional.of(request.phone()));
        } catch (InvalidInputException e) {
            ctx.status(400);
            show(ctx, request(ctx), reason, FormErrors.of(e, pages.messages(ctx), "reveal", Map.of()), Optional.empty());
        }
    }

    /** The request this account may see, with its number still stored (404 once retention erased it). */
    private CallbackRequest request(Context ctx) {
        Principal principal = Principal.of(ctx);
        long id = CallbacksPage.id(ctx);
        return readable(jdbi.inTransaction(tx -> CallbackAccess.find(tx, callbacks, principal, id)));
    }

    private static CallbackRequest readable(CallbackRequest request) {
        if (request.phone() == null) {
            throw new NotFoundException("the number is no longer stored");
        }
        return request;
    }

    private void show(Context ctx, CallbackRequest request, String reason, FormErrors errors, Optional<PhoneNumber> number) {
        // The number is on this answer only: neither the browser nor anything between may keep it.
        ctx.header("Cache-Control", "no-store");
        pages.render(ctx, "callback_reveal.jte", number.isPresent() ? "reveal.shown.title" : "reveal.title",
                new CallbackRevealView(request.id(), request.phone().masked(), reason, errors,
                        number.map(PhoneNumber::readable), number.map(PhoneNumber::e164)));
    }
}
