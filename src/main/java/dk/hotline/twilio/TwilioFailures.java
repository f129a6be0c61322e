package dk.hotline.twilio;

import com.fasterxml.jackson.core.JacksonException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import java.io.IOException;

/** Turns what the Twilio SDK throws into a {@link TwilioSendException} that is safe to log. */
final class TwilioFailures {

    private TwilioFailures() {
    }

    /**
     * @param what "SMS" or "call", for the message
     * @param observedStatus the HTTP status seen on the wire, or {@code null} when no answer came.
     *     Preferred over the SDK's own: when Twilio (or a proxy in front of it) answers a 5xx without
     *     a JSON body, the SDK's exception has no status at all.
     */
    static TwilioSendException from(String what, TwilioException e, Integer observedStatus) {
        return build(what + " not sent: ", e, observedStatus,
                // It may well have been sent: not worth a second text to a survivor's phone.
                "Twilio accepted the request but its answer could not be read");
    }

    /** As {@link #from}, for a look-up of an earlier send (a list of {@code what}). */
    static TwilioSendException fromLookup(String what, TwilioException e, Integer observedStatus) {
        return build(what + " lookup failed: ", e, observedStatus, "Twilio's list could not be read");
    }

    private static TwilioSendException build(String lead, TwilioException e, Integer observedStatus, String unreadable) {
        Integer code = e instanceof ApiException api ? api.getCode() : null;
        int status = observedStatus != null ? observedStatus : sdkStatus(e);
        // Only a network failure is kept as the cause: its text comes from the socket layer. Twilio's
        // own text (and a JSON parser's, which quotes the answer) can hold the recipient's number.
        IOException io = ioCause(e);
        String description = status >= 200 && status < 300 ? unreadable : describe(status);
        return new TwilioSendException(status, code, lead + description, io);
    }

    private static int sdkStatus(TwilioException e) {
        if (e instanceof ApiException api && api.getStatusCode() != null && ioCause(e) == null) {
            return api.getStatusCode();
        }
        return 0;
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException io && !(t instanceof JacksonException)) {
                return io;
            }
        }
        return null;
    }

    private static String describe(int status) {
        if (status == 0) {
            return "Twilio could not be reached or did not answer in time";
        }
        if (status == 429) {
            return "Twilio is limiting our request rate";
        }
        if (status >= 500) {
            return "Twilio had a server error";
        }
        return "Twilio refused the request";
    }
}
