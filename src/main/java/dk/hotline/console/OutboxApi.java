package dk.hotline.console;

import dk.hotline.outbox.OutboxLog;
import io.javalin.config.RoutesConfig;
import java.time.ZoneId;

/**
 * {@code GET /api/outbox}: every text and call the service sent or will send, newest first, 50 a
 * page, by status and kind; recipients masked and never the words. Udsendt / Outbox shows the same.
 */
final class OutboxApi {
    private final OutboxLog log;
    private final ZoneId zone;

    OutboxApi(OutboxLog log, ZoneId zone) {
        this.log = log;
        this.zone = zone;
    }

    record View(long id, String kind, String channel, String to, String status, int attempts, String queuedAt, String dueAt,
                String sentAt, String deliveryStatus, Integer errorCode, String cancelReason) {
        static View of(OutboxLog.Entry e, ZoneId zone) {
            return new View(e.id(), e.kind().code(), e.channel().code(), e.to(), e.state().code(), e.attempts(),
                    ShiftView.local(e.queuedAt(), zone), ShiftView.local(e.dueAt(), zone),
                    e.sentAt().map(at -> ShiftView.local(at, zone)).orElse(null), e.deliveryStatus().orElse(null),
                    e.errorCode().orElse(null), e.cancelReason().orElse(null));
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/api/outbox", ctx -> ctx.json(OutboxQuery.read(ctx).run(log).entries().stream()
                .map(e -> View.of(e, zone)).toList()));
    }
}
