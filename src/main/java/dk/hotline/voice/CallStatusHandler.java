package dk.hotline.voice;

import dk.hotline.outbox.DeliveryStatus;
import dk.hotline.outbox.OutboxDao;
import dk.hotline.routing.OfferDao;
import dk.hotline.twilio.CallbackQuery;
import dk.hotline.twilio.WebhookParams;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /twilio/voice/status}: Twilio reports how a call went. An inbound call's end
 * releases every leader rung for it and settles its outcome; an outbound call from the outbox
 * (its id in {@code ?outbox=}) records delivery and releases the leader it was ringing.
 */
final class CallStatusHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(CallStatusHandler.class);
    private static final Set<String> FINAL = Set.of("completed", "busy", "no-answer", "failed", "canceled");

    private final Jdbi jdbi;
    private final Clock clock;

    CallStatusHandler(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) {
        var params = WebhookParams.of(ctx);
        String callSid = params.sid("CallSid", "CA");
        String status = params.required("CallStatus").toLowerCase();
        int rank = DeliveryStatus.rank(status).orElse(0);
        Integer duration = params.integer("CallDuration").orElse(null);
        Long outboxId = CallbackQuery.outboxId(ctx);
        Instant now = clock.instant();
        boolean over = FINAL.contains(status);
        int changed = jdbi.inTransaction(tx -> {
            var offers = tx.attach(OfferDao.class);
            if (outboxId != null) {
                if (over) {
                    offers.closeForOutbox(outboxId, now);
                }
                return tx.attach(OutboxDao.class).recordDelivery(callSid, outboxId, status, rank,
                        params.integer("ErrorCode").orElse(null), now);
            }
            var calls = tx.attach(CallLogDao.class);
            int n = calls.recordStatus(callSid, status, rank, duration, now);
            if (over) {
                offers.closeAll(callSid, now);
                calls.ended(callSid, now);
            }
            return n;
        });
        log.info("event=call.status call={} status={} applied={}", callSid, status, changed > 0);
        ctx.status(204);
    }
}
