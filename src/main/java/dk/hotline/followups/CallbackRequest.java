package dk.hotline.followups;

import dk.hotline.privacy.PhoneNumber;
import java.time.Instant;

/** Someone who asked to be called back, with their consent that the number is safe to call. */
public record CallbackRequest(long id, PhoneNumber phone, String language, String preferredTime, String source,
                              String status, Instant createdAt, Instant doneAt) {
    public static final String ASAP = "asap";
}
