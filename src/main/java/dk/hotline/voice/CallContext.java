package dk.hotline.voice;

import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.WebhookParams;
import java.util.Optional;

/**
 * The caller's side of a voice webhook: which call, and the number if it was not withheld. The
 * number is parsed when first asked for: most steps of a call (the menu, ringing) never need it,
 * and parsing it was a noticeable part of their CPU.
 */
final class CallContext {
    private final String callSid;
    private final WebhookParams params;
    private Optional<PhoneNumber> caller;

    private CallContext(String callSid, WebhookParams params) {
        this.callSid = callSid;
        this.params = params;
    }

    static CallContext of(WebhookParams params) {
        return new CallContext(params.sid("CallSid", "CA"), params);
    }

    String callSid() {
        return callSid;
    }

    /** Empty when the number was withheld or is not one. One request's thread reads it, so no lock. */
    Optional<PhoneNumber> caller() {
        if (caller == null) {
            caller = params.phone("From");
        }
        return caller;
    }
}
