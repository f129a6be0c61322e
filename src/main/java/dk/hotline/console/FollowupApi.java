package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.followups.Followups;
import io.javalin.config.RoutesConfig;
import java.time.ZoneId;
import java.util.Set;

/** {@code GET /api/followups?status=pending|sent|cancelled}: follow-up texts, when and what became of them (no numbers). */
public final class FollowupApi {
    private static final Set<String> STATUSES = Set.of("pending", "sent", "cancelled");

    private final Followups followups;
    private final ZoneId zone;

    FollowupApi(Followups followups, ZoneId zone) {
        this.followups = followups;
        this.zone = zone;
    }

    record FollowupView(long id, String source, String language, String due, String status, String reason, String created) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/followups", ctx -> {
            String status = ctx.queryParam("status");
            if (status != null && !STATUSES.contains(status)) {
                throw new InvalidInputException("status", "one of " + STATUSES);
            }
            ctx.json(followups.list(status).stream().map(f -> new FollowupView(f.id(), f.source(), f.language(),
                    ShiftView.local(f.dueAt(), zone), f.status(), f.reason(), ShiftView.local(f.createdAt(), zone))).toList());
        });
    }
}
