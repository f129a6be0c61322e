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
        List<String> keys = keys(key, parts.size());
        for (int i = 0; i < parts.size(); i++) {
            outbox.sms(tx, kind, keys.get(i), to, parts.get(i), now.plusMillis(i));
        }
    }

    /** The outbox keys of a text sent as {@code parts} parts: the key itself for one, {@code key:1}, {@code key:2}, … for more. */
    static List<String> keys(String key, int parts) {
        if (parts == 1) {
            return List.of(key);
        }
        var keys = new ArrayList<String>();
        for (int i = 1; i <= parts; i++) {
            keys.add(key + ":" + i);
        }
        return keys;
    }

    /** How many parts {@code text} is sent as. */
    static int partCount(String text) {
        return parts(text, OutboundSms.MAX_BODY_LENGTH).size();
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
