package dk.hotline.outbox;

import org.jdbi.v3.core.Handle;

/**
 * Told when the outbox gives up on a call Twilio never placed (refused for good, or out of
 * retries), in the transaction that marks its row failed. No status callback will come for such a
 * call, so whatever waits for the call to end (a leader held by the offer it was to make) learns
 * it here. A listener registers itself ({@link OutboxDispatcher#onCallGivenUp}), so the outbox
 * never has to know the features that queue calls.
 */
@FunctionalInterface
public interface CallGivenUpListener {
    void callGivenUp(Handle tx, long outboxId);
}
