package dk.hotline.twilio;

import dk.hotline.privacy.PhoneNumber;
import java.time.Instant;

/**
 * A text or call the dry-run gateway would have sent, for the console's dry-run page.
 *
 * @param content the SMS body, or the TwiML URL of a call
 * @param sid the made-up sid that was answered, so status pages can be matched to it
 */
public record DryRunRecord(Kind kind, PhoneNumber to, PhoneNumber from, String content, Instant at, String sid) {

    public enum Kind { SMS, CALL }

    /** Records print every field; this one would put an SMS body in logs. */
    @Override
    public String toString() {
        String shown = kind == Kind.SMS ? "(" + content.length() + " chars)" : content;
        return "DryRunRecord[kind=" + kind + ", to=" + to + ", from=" + from + ", content=" + shown
                + ", at=" + at + ", sid=" + sid + "]";
    }
}
