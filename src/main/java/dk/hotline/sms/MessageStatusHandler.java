package dk.hotline.sms;

import dk.hotline.outbox.DeliveryStatus;
import dk.hotline.outbox.OutboxDao;
import dk.hotline.twilio.CallbackQuery;
import dk.hotline.twilio.WebhookParams;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /twilio/sms/status}: Twilio reports how far a text we sent has come. */
public final class MessageStatusHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(MessageStatusHandler.class);

    private final Jdbi jdbi;
    private final Clock clock;

    public MessageStatusHandler(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) {
        var params = WebhookParams.of(ctx);
        String sid = params.sid("MessageSid", "SM", "MM");
        String status = params.required("MessageStatus").toLowerCase();
        int rank = DeliveryStatus.rank(status).orElse(0);
        Integer code = params.integer("ErrorCode").orElse(null);
        Long outboxId = CallbackQuery.outboxId(ctx);
        int changed = jdbi.withExtension(OutboxDao.class,
                dao -> dao.recordDelivery(sid, outboxId, status, rank, code, clock.instant()));
        log.info("event=sms.status sid={} status={} code={} applied={}", sid, status, code, changed > 0);
        ctx.status(204);
    }
}
