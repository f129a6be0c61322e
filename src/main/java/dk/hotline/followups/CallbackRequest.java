package dk.hotline.followups;

import dk.hotline.common.Language;
import dk.hotline.privacy.PhoneNumber;
import java.time.Instant;

/** Someone who asked to be called back, with their consent that the number is safe to call. */
public record CallbackRequest(long id, PhoneNumber phone, Language language, String preferredTime, String source,
                              String status, Instant createdAt, Instant doneAt) {
}
