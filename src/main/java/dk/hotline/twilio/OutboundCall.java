package dk.hotline.twilio;

import dk.hotline.privacy.PhoneNumber;
import java.net.URI;
import java.util.Objects;

/**
 * One call to place. When it is answered Twilio fetches TwiML from {@code twimlUrl}.
 *
 * @param statusCallback where Twilio reports the call's progress; {@code null} for none
 * @param timeoutSeconds how long the phone rings before Twilio gives up (Twilio allows 1 to 600)
 */
public record OutboundCall(PhoneNumber to, PhoneNumber from, URI twimlUrl, URI statusCallback, int timeoutSeconds) {

    public OutboundCall {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(twimlUrl, "twimlUrl");
        if (!twimlUrl.isAbsolute()) {
            throw new IllegalArgumentException("Twilio needs an absolute TwiML URL");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new IllegalArgumentException("ring timeout must be 1 to 600 seconds, was " + timeoutSeconds);
        }
    }
}
