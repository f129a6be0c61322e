package dk.hotline.voice;

import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.WebhookParams;
import java.util.Optional;

/** The caller's side of a voice webhook: which call, and the number if it was not withheld. */
record CallContext(String callSid, Optional<PhoneNumber> caller) {
    static CallContext of(WebhookParams params) {
        return new CallContext(params.sid("CallSid", "CA"), params.phone("From"));
    }
}
