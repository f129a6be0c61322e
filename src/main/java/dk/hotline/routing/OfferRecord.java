package dk.hotline.routing;

import dk.hotline.common.NotFoundException;
import java.util.Optional;

/**
 * An offer as it stands: which leader, for which call ({@code callSid}) or callback request
 * ({@code callbackRequestId}), and where it stands.
 */
public record OfferRecord(long id, Optional<String> callSid, Optional<Long> callbackRequestId, long leaderId,
                          OfferKind kind, OfferState state) {
    public boolean ringing() {
        return state == OfferState.RINGING;
    }

    /** The call this offer rang a leader for; an offer to call someone back has none. */
    public String call() {
        return callSid.orElseThrow(() -> new IllegalStateException("offer " + id + " is for a callback, not a call"));
    }

    /** The callback request this offer rang a leader for; 404 for one that names none (or no longer). */
    public long callbackRequest() {
        return callbackRequestId.orElseThrow(() -> new NotFoundException("no such callback request"));
    }

    static OfferRecord of(OfferDao.Row row) {
        return new OfferRecord(row.id(), Optional.ofNullable(row.callSid()), Optional.ofNullable(row.callbackRequestId()),
                row.leaderId(), OfferKind.of(row.kind()), OfferState.of(row.state()));
    }
}
