package dk.hotline.voice;

import dk.hotline.db.DatabaseOutage;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.WebhookRequest;
import java.util.Optional;
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
        String key = request.replayKey();
        // Twice at most: a stored answer found and then gone (retention, erasure) before it was read.
        for (int attempt = 1; ; attempt++) {
            try {
                return Reply.twiml(jdbi.inTransaction(tx -> replies.store(tx, callSid, key, act.apply(tx))));
            } catch (VoiceReplies.Answered e) {
                Optional<String> earlier = jdbi.withHandle(h -> replies.stored(h, callSid, key));
                if (earlier.isPresent() || attempt == 2) {
                    return Reply.twiml(earlier.orElseThrow(() -> new IllegalStateException("a stored answer is gone")));
                }
            } catch (RuntimeException e) {
                // A retry acts before it finds the first answer, and acting again can fail where the
                // first time did not (what it changes is changed already): the first answer goes out.
                // Not in an outage, which the web tier answers 503 at once.
                if (DatabaseOutage.is(e)) {
                    throw e;
                }
                return Reply.twiml(storedOr(callSid, key, e));
            }
        }
    }

    /** The answer stored for the request, or {@code failure} thrown when there is none (or it cannot be read). */
    private String storedOr(String callSid, String key, RuntimeException failure) {
        Optional<String> earlier;
        try {
            earlier = jdbi.withHandle(h -> replies.stored(h, callSid, key));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            throw failure;
        }
        return earlier.orElseThrow(() -> failure);
    }

    /**
     * For requests that only read, that are polled (the queue's wait music), or whose writes are
     * idempotent themselves and whose answer is the same every time.
     */
    Reply answerWithoutReplay(Function<Handle, String> act) {
        return Reply.twiml(jdbi.inTransaction(act::apply));
    }
}
