package dk.hotline.routing;

import dk.hotline.common.NotFoundException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * What the rest of the service may do with offers once {@link Router} has made them: look one up,
 * take or decline it, and end it when its call ends. Each runs in the caller's transaction, so an
 * offer changes together with what caused the change.
 */
public final class Offers {
    private final Clock clock;

    public Offers(Clock clock) {
        this.clock = clock;
    }

    public OfferRecord byId(Handle tx, long id) {
        return tx.attach(OfferDao.class).byId(id).map(OfferRecord::of)
                .orElseThrow(() -> new NotFoundException("no such offer"));
    }

    /** Every leader rung for this call so far, in order. */
    public List<OfferRecord> forCall(Handle tx, String callSid) {
        return tx.attach(OfferDao.class).forCall(callSid).stream().map(OfferRecord::of).toList();
    }

    /** {@link #forCall} for many calls in one query (a list page), each call's in order; a call never offered is absent. */
    public Map<String, List<OfferRecord>> forCalls(Handle tx, Collection<String> callSids) {
        return tx.attach(OfferDao.class).forCalls(callSids.toArray(String[]::new)).stream().map(OfferRecord::of)
                .collect(Collectors.groupingBy(o -> o.callSid().orElseThrow(), Collectors.toList()));
    }

    /** {@link #forCallback} for many requests in one query, each request's in order; one never rung for is absent. */
    public Map<Long, List<OfferRecord>> forCallbacks(Handle tx, Collection<Long> requestIds) {
        return tx.attach(OfferDao.class).forCallbacks(requestIds.stream().mapToLong(Long::longValue).toArray()).stream()
                .map(OfferRecord::of).collect(Collectors.groupingBy(o -> o.callbackRequestId().orElseThrow(), Collectors.toList()));
    }

    /** Every time a leader was rung to call this person back, in order. */
    public List<OfferRecord> forCallback(Handle tx, long requestId) {
        return tx.attach(OfferDao.class).forCallback(requestId).stream().map(OfferRecord::of).toList();
    }

    /** The callback requests this leader was ever rung to call back. */
    public List<Long> callbacksOfferedTo(Handle tx, long leaderId) {
        return tx.attach(OfferDao.class).callbacksOfferedTo(leaderId);
    }

    /** Whether a leader took this call. */
    public boolean taken(Handle tx, String callSid) {
        return forCall(tx, callSid).stream().anyMatch(o -> o.state() == OfferState.ACCEPTED);
    }

    /** The leader pressed 1: true when this offer takes the call, false when another was quicker or it stopped ringing. */
    public boolean accept(Handle tx, long offerId) {
        return tx.attach(OfferDao.class).accept(offerId, clock.instant()) == 1;
    }

    /** The leader's phone answered without taking the call (or the call was no longer there to take). */
    public void decline(Handle tx, long offerId) {
        tx.attach(OfferDao.class).decline(offerId, clock.instant());
    }

    /** This offer took the call: the other phones rung for it were missed. */
    public void missOthers(Handle tx, OfferRecord taken) {
        tx.attach(OfferDao.class).missOthers(taken.call(), taken.id(), clock.instant());
    }

    /** The call is over, or its ringing is: the leaders rung for it are free (after wrap-up, for the one who talked). */
    public void closeCall(Handle tx, String callSid) {
        tx.attach(OfferDao.class).closeCall(callSid, clock.instant());
    }

    /** The attempt to call someone back is over. */
    public void closeCallback(Handle tx, long requestId) {
        tx.attach(OfferDao.class).closeCallback(requestId, clock.instant());
    }

    /**
     * The outbound call that rang the leader is over (its status callback), or never started (the
     * outbox gave up on it): the leader is free again at once.
     */
    public void closeForOutbox(Handle tx, long outboxId) {
        tx.attach(OfferDao.class).closeForOutbox(outboxId, clock.instant());
    }

    /** The outbox row of the call that rings the leader for this offer, so its end releases them. */
    public void linkOutbox(Handle tx, long offerId, long outboxId) {
        tx.attach(OfferDao.class).linkOutbox(offerId, outboxId);
    }

    /** A queue offer belongs to whichever caller Twilio took from the head of the queue. */
    public OfferRecord reassign(Handle tx, long offerId, String callSid) {
        tx.attach(OfferDao.class).reassign(offerId, callSid);
        return byId(tx, offerId);
    }

    /**
     * Reserves a leader to call someone back, so routing will not ring them meanwhile; nothing
     * when the leader is on a call or being rung right now.
     */
    public Optional<Long> reserveForCallback(Handle tx, long requestId, long leaderId) {
        return tx.attach(OfferDao.class).insert(null, requestId, leaderId, OfferKind.CALLBACK.code(), clock.instant());
    }
}
