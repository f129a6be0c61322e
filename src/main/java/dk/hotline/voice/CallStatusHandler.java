package dk.hotline.voice;

import dk.hotline.outbox.DeliveryStatus;
import dk.hotline.outbox.OutboxDao;
import dk.hotline.twilio.CallbackQuery;
import dk.hotline.twilio.WebhookParams;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /twilio/voice/status}: Twilio reports how a call went. The call is either an
 * inbound call in the call log or an outbound call from the outbox (its id in {@code ?outbox=}).
 */
public final class CallStatusHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(CallStatusHandler.class);

    private final Jdbi jdbi;
    private final Clock clock;

    public CallStatusHandler(Jdbi jdbi, Clock clock) {
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
        int changed = jdbi.inTransaction(tx -> {
            int n = tx.attach(CallLogDao.class).recordStatus(callSid, status, rank, duration, now);
            if (outboxId != null || n == 0) {
                n += tx.attach(OutboxDao.class).recordDelivery(callSid, outboxId, status, rank,
                        params.integer("ErrorCode").orElse(null), now);
            }
            return n;
        });
        log.info("event=call.status call={} status={} applied={}", callSid, status, changed > 0);
        ctx.status(204);
    }
}
