package dk.hotline.followups;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.rota.Leaders;
import dk.hotline.routing.Offers;
import dk.hotline.twilio.Webhook;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Starts a callback: reserves the leader (an offer, so routing will not ring them meanwhile) and
 * queues an outbound call to their phone; the call's webhooks ({@link Webhook#CALLBACK_LEADER}
 * and after) do the rest.
 */
public final class CallbackCalls {
    private final Jdbi jdbi;
    private final CallbackRequests callbacks;
    private final Leaders leaders;
    private final Offers offers;
    private final Outbox outbox;
    private final Clock clock;

    CallbackCalls(Jdbi jdbi, CallbackRequests callbacks, Leaders leaders, Offers offers, Outbox outbox, Clock clock) {
        this.jdbi = jdbi;
        this.callbacks = callbacks;
        this.leaders = leaders;
        this.offers = offers;
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
            long offerId = offers.reserveForCallback(tx, requestId, leader.id())
                    .orElseThrow(() -> new ConflictException("leaderId", "this leader is on a call right now"));
            outbox.call(tx, MessageKind.CALLBACK_OFFER, String.valueOf(offerId), leader.phone(),
                            Webhook.CALLBACK_LEADER.url(offerId), clock.instant())
                    .ifPresent(outboxId -> offers.linkOutbox(tx, offerId, outboxId));
            return Optional.of(offerId);
        });
    }
}
