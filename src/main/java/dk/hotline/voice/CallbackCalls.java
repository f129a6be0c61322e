package dk.hotline.voice;

import dk.hotline.followups.CallbackRequests;
import dk.hotline.outbox.Outbox;
import dk.hotline.routing.OfferDao;
import dk.hotline.rota.Leaders;
import dk.hotline.web.ConflictException;
import dk.hotline.web.InvalidInputException;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Starts a callback: reserves the leader (an offer, so routing will not ring them meanwhile) and
 * queues an outbound call to their phone; the rest happens in {@link CallbackDialHandlers}.
 */
public final class CallbackCalls {
    private static final String PREFIX = "callback-";

    private final Jdbi jdbi;
    private final CallbackRequests callbacks;
    private final Leaders leaders;
    private final Outbox outbox;
    private final Clock clock;

    public CallbackCalls(Jdbi jdbi, CallbackRequests callbacks, Leaders leaders, Outbox outbox, Clock clock) {
        this.jdbi = jdbi;
        this.callbacks = callbacks;
        this.leaders = leaders;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Rings the leader, who then calls the person back; empty when there is no such open request. */
    public Optional<Long> start(long requestId, long leaderId) {
        return jdbi.inTransaction(tx -> {
            var request = callbacks.byId(tx, requestId);
            if (request.isEmpty() || "done".equals(request.get().status())) {
                return Optional.<Long>empty();
            }
            var leader = leaders.byId(tx, leaderId).orElseThrow(() -> new InvalidInputException("leaderId", "no such leader"));
            var offers = tx.attach(OfferDao.class);
            long offerId = offers.insert(PREFIX + requestId, leader.id(), "callback", clock.instant())
                    .orElseThrow(() -> new ConflictException("leaderId", "this leader is on a call right now"));
            outbox.call(tx, "callback-offer:" + offerId, leader.phone(), VoicePaths.callbackLeader(offerId), clock.instant())
                    .ifPresent(outboxId -> offers.linkOutbox(offerId, outboxId));
            return Optional.of(offerId);
        });
    }

    static long requestId(String offerCallKey) {
        return Long.parseLong(offerCallKey.substring(PREFIX.length()));
    }
}
