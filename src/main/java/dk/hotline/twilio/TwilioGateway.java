package dk.hotline.twilio;

/**
 * Sends texts and places calls through Twilio's REST API. The outbox is the only caller: it owns
 * rate limits, retries and backoff, so an implementation makes exactly one attempt per call and
 * reports the outcome, either as a {@link SendResult} or as a {@link TwilioSendException}.
 */
public interface TwilioGateway {

    /** Asks Twilio to send one text; answers once Twilio has accepted it (usually {@code queued}). */
    SendResult sendSms(OutboundSms sms);

    /** Asks Twilio to place one call; answers once Twilio has accepted it (usually {@code queued}). */
    SendResult placeCall(OutboundCall call);
}
