package dk.hotline.followups;

import dk.hotline.common.Language;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.routing.OfferState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Someone who asked to be called back, with their consent that the number is safe to call; which
 * leaders were texted about it, and the latest time a leader was rung through the service to call
 * back ({@code lastCall}), if any. {@code phone} is null once retention erased the number.
 */
public record CallbackRequest(long id, PhoneNumber phone, Language language, String preferredTime, String source,
                              String status, Instant createdAt, Instant doneAt, List<Long> toldLeaderIds,
                              Optional<CallAttempt> lastCall) {
    /** One ringing of a leader to call this person back, and where it stands. */
    public record CallAttempt(long leaderId, OfferState state) {}
}
