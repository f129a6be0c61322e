package dk.hotline.voice;

import io.javalin.http.Context;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One short transaction per voice webhook, made idempotent on the call and the exact request
 * (path, query, key pressed, dial or queue result): a Twilio retry gets the first answer back.
 */
final class VoiceTx {
    private final Jdbi jdbi;
    private final VoiceReplies replies;

    VoiceTx(Jdbi jdbi, VoiceReplies replies) {
        this.jdbi = jdbi;
        this.replies = replies;
    }

    void answer(Context http, String callSid, Function<Handle, String> act) {
        String key = http.path() + "?" + (http.queryString() == null ? "" : http.queryString())
                + "#" + value(http, "Digits") + "#" + value(http, "DialCallStatus") + "#" + value(http, "DialCallSid")
                + "#" + value(http, "QueueResult") + "#" + value(http, "RecordingSid");
        String xml = jdbi.inTransaction(tx -> replies.once(tx, callSid, key, () -> act.apply(tx)));
        twiml(http, xml);
    }

    /** For requests that only read, or that are polled (the queue's wait music). */
    void answerWithoutReplay(Context http, Function<Handle, String> act) {
        twiml(http, jdbi.inTransaction(act::apply));
    }

    static void twiml(Context http, String xml) {
        http.contentType("text/xml").result(xml);
    }

    private static String value(Context http, String field) {
        String v = http.formParam(field);
        return v == null ? "" : v;
    }
}
