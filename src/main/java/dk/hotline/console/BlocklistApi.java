package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.InvalidPhoneNumberException;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.sms.Blocklist;
import dk.hotline.web.Actors;
import dk.hotline.web.JsonBody;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** {@code /api/blocklist}: numbers whose texts get no relay and no reply. */
public final class BlocklistApi {
    private final Jdbi jdbi;
    private final Blocklist blocklist;
    private final AuditLog audit;

    BlocklistApi(Jdbi jdbi, Blocklist blocklist, AuditLog audit) {
        this.jdbi = jdbi;
        this.blocklist = blocklist;
        this.audit = audit;
    }

    record Input(String phone, String reason) {}

    record View(long id, String phone, String reason, Long createdBy, Instant createdAt) {
        static View of(Blocklist.Entry e, boolean reveal) {
            return new View(e.id(), reveal ? e.phone().e164() : e.phone().masked(), e.reason(), e.createdBy(), e.createdAt());
        }
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/blocklist", this::list);
        routes.post("/api/blocklist", this::add);
        routes.delete("/api/blocklist/{id}", this::remove);
    }

    private void list(Context ctx) {
        boolean reveal = Reveal.requested(ctx);
        ctx.json(jdbi.inTransaction(tx -> {
            var all = blocklist.list(tx);
            if (reveal) {
                all.forEach(e -> audit.revealed(tx, Actors.of(ctx), "blocklist:" + e.id(), Reveal.reason(ctx)));
            }
            return all.stream().map(e -> View.of(e, reveal)).toList();
        }));
    }

    private void add(Context ctx) {
        var input = JsonBody.read(ctx, Input.class);
        PhoneNumber phone = phone(input.phone());
        long coordinator = Principal.of(ctx).accountId();
        var entry = jdbi.inTransaction(tx -> blocklist.add(tx, phone, input.reason(), coordinator));
        ctx.status(201).json(View.of(entry, false));
    }

    private void remove(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).get();
        if (!jdbi.inTransaction(tx -> blocklist.remove(tx, id))) {
            throw new NotFoundException("no such blocklist entry");
        }
        ctx.status(204);
    }

    private static PhoneNumber phone(String raw) {
        if (raw == null) {
            throw new InvalidInputException("phone", "required");
        }
        try {
            return PhoneNumber.parse(raw);
        } catch (InvalidPhoneNumberException e) {
            throw new InvalidInputException("phone", e.getMessage());
        }
    }
}
