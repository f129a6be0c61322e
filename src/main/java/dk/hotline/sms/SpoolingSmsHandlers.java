package dk.hotline.sms;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.common.UnavailableException;
import dk.hotline.db.DatabaseOutage;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.WebhookHandler;
import dk.hotline.twilio.WebhookRequest;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text must not be lost because the database is down. {@code /twilio/sms} acts on it as usual,
 * and when the database cannot be reached keeps it in the {@link SmsSpool} instead of failing;
 * {@code /twilio/sms/fallback} (where Twilio sends a text the primary URL failed) keeps it without
 * trying. Either way the texter is answered at once with a discreet "we will answer", and the
 * {@link SmsSpoolReplayer} acts on the text once the database is back.
 */
final class SpoolingSmsHandlers {
    private static final Logger log = LoggerFactory.getLogger(SpoolingSmsHandlers.class);
    private static final String EMPTY = new MessagingResponse.Builder().build().toXml();
    /** The keywords in flows/sms.yaml that are English words; any other text is answered in Danish. */
    private static final Set<String> ENGLISH_WORDS = Set.of("HELP", "YES", "NO");

    private final WebhookHandler inbound;
    private final SmsSpool spool;
    private final SmsKeywords keywords;
    private final Texts texts;
    private final Clock clock;

    SpoolingSmsHandlers(WebhookHandler inbound, SmsSpool spool, SmsKeywords keywords, Texts texts, Clock clock) {
        this.inbound = inbound;
        this.spool = spool;
        this.keywords = keywords;
        this.texts = texts;
        this.clock = clock;
    }

    /** {@code POST /twilio/sms}: acted on now, or spooled while the database cannot be reached. */
    Reply primary(WebhookRequest request) {
        try {
            return inbound.handle(request);
        } catch (UnavailableException e) {
            return spooled(request);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.is(e)) {
                throw e;
            }
            return spooled(request);
        }
    }

    /** {@code POST /twilio/sms/fallback}: Twilio's primary handler failed; nothing here needs the database. */
    Reply fallback(WebhookRequest request) {
        return spooled(request);
    }

    private Reply spooled(WebhookRequest request) {
        var form = request.form();
        // What /twilio/sms would refuse is refused here too, so only a text it can act on waits.
        String sid = form.sid("MessageSid", "SM", "MM");
        form.phone("From").orElseThrow(() -> new InvalidInputException("From", "not a phone number"));
        spool.put(sid, form.asMap(), clock.instant());
        log.info("event=sms.spooled sid={}", sid);
        String body = form.optional("Body").orElse("");
        var keyword = keywords.survivorKeyword(body);
        if (keyword.filter(k -> k == Keyword.STOP).isPresent()) {
            // Someone opting out gets no text now; the opt-out and its one confirmation follow on replay.
            return Reply.twiml(EMPTY);
        }
        Language language = keyword.isPresent() && ENGLISH_WORDS.contains(SmsKeywords.fold(body))
                ? Language.ENGLISH : Language.DANISH;
        return Reply.twiml(new MessagingResponse.Builder()
                .message(new Message.Builder(texts.get(language, Text.SMS_RECEIVED)).build())
                .build().toXml());
    }
}
