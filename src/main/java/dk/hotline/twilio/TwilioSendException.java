package dk.hotline.twilio;

/**
 * Twilio did not accept a text or call, or a look-up of an earlier one failed. The outbox decides
 * from {@link #retryable()} whether to try again later or give up.
 *
 * <p>The message is built from the HTTP status, Twilio's error code and a fixed description only.
 * Twilio's own error text often repeats the recipient's number, so it is never copied here, and no
 * Twilio exception is kept as the cause for the same reason.
 */
public final class TwilioSendException extends RuntimeException {
    private final int httpStatus;
    private final Integer twilioCode;

    /**
     * @param httpStatus the HTTP status Twilio answered, or 0 when no answer came (network
     *     failure, timeout)
     * @param twilioCode Twilio's error code (e.g. 21610), or {@code null} when there is none
     * @param description a fixed text that holds no phone number or message body
     */
    public TwilioSendException(int httpStatus, Integer twilioCode, String description) {
        this(httpStatus, twilioCode, description, null);
    }

    /** As above, with a cause that must not hold personal data either (e.g. a socket exception). */
    public TwilioSendException(int httpStatus, Integer twilioCode, String description, Throwable cause) {
        super(message(httpStatus, twilioCode, description), cause);
        this.httpStatus = httpStatus;
        this.twilioCode = twilioCode;
    }

    /** The HTTP status Twilio answered; 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Twilio's error code (see twilio.com/docs/errors), or {@code null}. */
    public Integer twilioCode() {
        return twilioCode;
    }

    /**
     * True when the same request may succeed later: rate-limited (429), a Twilio server error (5xx)
     * or no answer at all. Other answers (unsubscribed, invalid number, bad credentials, …) will
     * not change by retrying.
     */
    public boolean retryable() {
        return httpStatus == 0 || httpStatus == 429 || httpStatus >= 500;
    }

    private static String message(int httpStatus, Integer twilioCode, String description) {
        String status = httpStatus == 0 ? "no HTTP answer" : "HTTP " + httpStatus;
        String code = twilioCode == null ? "" : ", Twilio error " + twilioCode;
        return description + " (" + status + code + ")";
    }
}
