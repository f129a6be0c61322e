package dk.hotline.sms;

import dk.hotline.outbox.Outbox;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.WebhookHandler;
import dk.hotline.twilio.WebhookRequest;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /twilio/sms/status}: Twilio reports how far a text we sent has come. */
final class MessageStatusHandler implements WebhookHandler {
    private static final Logger log = LoggerFactory.getLogger(MessageStatusHandler.class);

    private final Jdbi jdbi;
    private final Outbox outbox;

    MessageStatusHandler(Jdbi jdbi, Outbox outbox) {
        this.jdbi = jdbi;
        this.outbox = outbox;
    }

    @Override
    public Reply handle(WebhookRequest request) {
        var params = request.form();
        String sid = params.sid("MessageSid", "SM", "MM");
        String status = params.required("MessageStatus").toLowerCase();
        Integer code = params.integer("ErrorCode").orElse(null);
        Long outboxId = request.optionalQuery("outbox").isPresent() ? request.longQuery("outbox") : null;
        boolean changed = jdbi.inTransaction(tx -> outbox.recordDelivery(tx, sid, outboxId, status, code));
        log.info("event=sms.status sid={} status={} code={} applied={}", sid, status, code, changed);
        return Reply.DONE;
    }
}
