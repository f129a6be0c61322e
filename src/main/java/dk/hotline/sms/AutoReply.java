package dk.hotline.sms;

import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.rota.Rota;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The one discreet answer a survivor gets while nobody is on call: when we are here again, and 112.
 * At most one per conversation per window, so a survivor who writes ten texts gets one reply.
 */
final class AutoReply {
    /** " den 30. november klokken 17.00": put after "vi svarer, når vi er her igen". */
    private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern(" 'den' d. MMMM 'klokken' HH.mm",
            Language.DANISH.locale());

    private final Outbox outbox;
    private final Rota rota;
    private final Texts texts;
    private final Duration window;
    private final ZoneId zone;

    AutoReply(Outbox outbox, Rota rota, Texts texts, Duration window, ZoneId zone) {
        this.outbox = outbox;
        this.rota = rota;
        this.texts = texts;
        this.window = window;
        this.zone = zone;
    }

    void send(Handle tx, ConversationDao.Row conversation, PhoneNumber survivor, long messageId, Instant now) {
        if (conversation.autoRepliedAt() != null && conversation.autoRepliedAt().isAfter(now.minus(window))) {
            return;
        }
        tx.attach(ConversationDao.class).autoReplied(conversation.id(), now);
        String next = rota.nextShiftStart(tx, now).map(t -> t.atZone(zone).format(NEXT)).orElse("");
        outbox.sms(tx, MessageKind.AUTO_REPLY, String.valueOf(messageId), survivor,
                texts.fill(Language.DANISH, Text.SMS_AUTO_REPLY, Map.of("next", next)), now);
    }
}
