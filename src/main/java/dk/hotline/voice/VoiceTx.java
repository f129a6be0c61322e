package dk.hotline.voice;

import dk.hotline.twilio.Reply;
import dk.hotline.twilio.WebhookRequest;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One short transaction per voice webhook, made idempotent on the call and the exact request
 * ({@link WebhookRequest#replayKey}): a Twilio retry gets the first answer back.
 */
final class VoiceTx {
    private final Jdbi jdbi;
    private final VoiceReplies replies;

    VoiceTx(Jdbi jdbi, VoiceReplies replies) {
        this.jdbi = jdbi;
        this.replies = replies;
    }

    Reply answer(WebhookRequest request, String callSid, Function<Handle, String> act) {
        return Reply.twiml(jdbi.inTransaction(tx -> replies.once(tx, callSid, request.replayKey(), () -> act.apply(tx))));
    }

    /**
     * For requests that only read, that are polled (the queue's wait music), or whose writes are
     * idempotent themselves and whose answer is the same every time (a call's arrival).
     */
    Reply answerWithoutReplay(Function<Handle, String> act) {
        return Reply.twiml(jdbi.inTransaction(act::apply));
    }
}
