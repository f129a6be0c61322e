package dk.hotline.voice;

import dk.hotline.outbox.Outbox;
import dk.hotline.routing.Offers;
import dk.hotline.twilio.DeliveryStatus;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.WebhookHandler;
import dk.hotline.twilio.WebhookRequest;
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
final class CallStatusHandler implements WebhookHandler {
    private static final Logger log = LoggerFactory.getLogger(CallStatusHandler.class);
    private static final Set<String> FINAL = Set.of("completed", "busy", "no-answer", "failed", "canceled");

    private final Jdbi jdbi;
    private final Offers offers;
    private final Outbox outbox;
    private final Clock clock;

    CallStatusHandler(Jdbi jdbi, Offers offers, Outbox outbox, Clock clock) {
        this.jdbi = jdbi;
        this.offers = offers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Reply handle(WebhookRequest request) {
        var params = request.form();
        String callSid = params.sid("CallSid", "CA");
        String status = params.required("CallStatus").toLowerCase();
        Integer duration = params.integer("CallDuration").orElse(null);
        Long outboxId = request.optionalQuery("outbox").isPresent() ? request.longQuery("outbox") : null;
        Instant now = clock.instant();
        boolean over = FINAL.contains(status);
        boolean changed = jdbi.inTransaction(tx -> {
            if (outboxId != null) {
                if (over) {
                    offers.closeForOutbox(tx, outboxId);
                }
                return outbox.recordDelivery(tx, callSid, outboxId, status, params.integer("ErrorCode").orElse(null));
            }
            var calls = tx.attach(CallLogDao.class);
            int n = calls.recordStatus(callSid, status, DeliveryStatus.rank(status).orElse(0), duration, now);
            if (over) {
                offers.closeCall(tx, callSid);
                calls.ended(callSid, now);
            }
            return n > 0;
        });
        log.info("event=call.status call={} status={} applied={}", callSid, status, changed);
        return Reply.DONE;
    }
}
