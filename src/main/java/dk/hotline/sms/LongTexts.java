package dk.hotline.sms;

import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.OutboundSms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Relayed words are sent whole, however long: split into parts Twilio accepts, each its own outbox
 * row, queued a millisecond apart so they go out in order.
 */
final class LongTexts {
    private final Outbox outbox;

    LongTexts(Outbox outbox) {
        this.outbox = outbox;
    }

    void send(Handle tx, MessageKind kind, String key, PhoneNumber to, String text, Instant now) {
        List<String> parts = parts(text, OutboundSms.MAX_BODY_LENGTH);
        for (int i = 0; i < parts.size(); i++) {
            outbox.sms(tx, kind, parts.size() == 1 ? key : key + ":" + (i + 1), to, parts.get(i), now.plusMillis(i));
        }
    }

    static List<String> parts(String text, int max) {
        var out = new ArrayList<String>();
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + max);
            // Never split a surrogate pair (an emoji) in two.
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            out.add(text.substring(i, end));
            i = end;
        }
        return out;
    }
}
