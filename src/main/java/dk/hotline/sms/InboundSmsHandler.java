package dk.hotline.sms;

import com.twilio.twiml.MessagingResponse;
import dk.hotline.common.InvalidInputException;
import dk.hotline.rota.Leaders;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.WebhookHandler;
import dk.hotline.twilio.WebhookRequest;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /twilio/sms}: a text comes in. Acted on once per MessageSid, in one transaction;
 * every answer goes out through the outbox, so the webhook itself answers an empty TwiML.
 */
final class InboundSmsHandler implements WebhookHandler {
    private static final Logger log = LoggerFactory.getLogger(InboundSmsHandler.class);
    /** Twilio passes at most 10 pictures or files with one text. */
    private static final int MAX_MEDIA = 10;
    private static final String EMPTY = new MessagingResponse.Builder().build().toXml();

    private final Jdbi jdbi;
    private final Leaders leaders;
    private final SurvivorTexts survivors;
    private final LeaderTexts leaderTexts;
    private final Clock clock;

    InboundSmsHandler(Jdbi jdbi, Leaders leaders, SurvivorTexts survivors, LeaderTexts leaderTexts, Clock clock) {
        this.jdbi = jdbi;
        this.leaders = leaders;
        this.survivors = survivors;
        this.leaderTexts = leaderTexts;
        this.clock = clock;
    }

    @Override
    public Reply handle(WebhookRequest request) {
        var params = request.form();
        String sid = params.sid("MessageSid", "SM", "MM");
        var from = params.phone("From").orElseThrow(() -> new InvalidInputException("From", "not a phone number"));
        String body = params.optional("Body").orElse("");
        int media = params.count("NumMedia", MAX_MEDIA);
        jdbi.useTransaction(tx -> {
            var leader = leaders.byPhone(tx, from);
            if (tx.attach(ConversationDao.class).firstTime(sid, leader.isPresent(), clock.instant()) == 0) {
                log.info("event=sms.repeat sid={}", sid);
                return;
            }
            if (leader.isPresent()) {
                leaderTexts.handle(tx, leader.get(), sid, body);
            } else {
                survivors.handle(tx, sid, from, body, media);
            }
        });
        return Reply.twiml(EMPTY);
    }
}
