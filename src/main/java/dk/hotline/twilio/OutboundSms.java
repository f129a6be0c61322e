package dk.hotline.twilio;

import dk.hotline.privacy.PhoneNumber;
import java.net.URI;
import java.util.Objects;

/**
 * One text to send.
 *
 * @param statusCallback where Twilio reports delivery; {@code null} for none
 */
public record OutboundSms(PhoneNumber to, PhoneNumber from, String body, URI statusCallback) {

    /** Twilio refuses longer bodies (error 21617), so refuse them before a request is made. */
    public static final int MAX_BODY_LENGTH = 1600;

    public OutboundSms {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(body, "body");
        if (body.isBlank()) {
            throw new IllegalArgumentException("an SMS body must not be blank");
        }
        if (body.length() > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException(
                    "an SMS body is at most " + MAX_BODY_LENGTH + " characters, this one has " + body.length());
        }
    }

    /** Records print every field; this one would put the body in logs, so it shows only its length. */
    @Override
    public String toString() {
        return "OutboundSms[to=" + to + ", from=" + from + ", body=(" + body.length() + " chars)"
                + ", statusCallback=" + statusCallback + "]";
    }
}
