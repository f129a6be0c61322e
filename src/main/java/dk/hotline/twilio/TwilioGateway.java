package dk.hotline.twilio;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends texts and places calls through Twilio's REST API. The outbox is the only caller: it owns
 * rate limits, retries and backoff, so an implementation makes exactly one attempt per call and
 * reports the outcome, either as a {@link SendResult} or as a {@link TwilioSendException}.
 *
 * <p>The {@code find} methods are for an attempt whose outcome the outbox never learnt (its sender
 * died mid-send, or no answer came): they ask Twilio, in one request, whether it has that text or
 * call, so it is not sent twice. A failed lookup throws as a send does.
 */
public interface TwilioGateway {

    /** Our clock and Twilio's may differ by this much; a lookup reaches back this far before its start. */
    Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /** Asks Twilio to send one text; answers once Twilio has accepted it (usually {@code queued}). */
    SendResult sendSms(OutboundSms sms);

    /** Asks Twilio to place one call; answers once Twilio has accepted it (usually {@code queued}). */
    SendResult placeCall(OutboundCall call);

    /**
     * The texts Twilio holds that we sent through its API to this recipient, from this number,
     * with this body, created no earlier than {@code notBefore} less {@link #CLOCK_SKEW}; newest first.
     */
    List<SendResult> findSms(OutboundSms sms, Instant notBefore);

    /**
     * The calls Twilio holds that we placed through its API to this recipient, from this number,
     * created no earlier than {@code notBefore} less {@link #CLOCK_SKEW}; newest first.
     */
    List<SendResult> findCall(OutboundCall call, Instant notBefore);
}
