package dk.hotline.outbox;

import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.OutboundCall;
import dk.hotline.twilio.OutboundSms;
import dk.hotline.twilio.SendResult;
import dk.hotline.twilio.TwilioGateway;
import dk.hotline.twilio.TwilioSendException;
import dk.hotline.twilio.Webhook;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends one claimed row: opens it into its Twilio request, sends it once, and has {@link
 * SendOutcomes} record what came of it. A row whose earlier attempt may have reached Twilio
 * unbeknown to us (its sender died mid-send, or no answer came) is not simply sent again: Twilio
 * is asked first ({@link EarlierSends}), and a match settles the row as sent. Only such rows pay
 * for that request; any other is one request.
 */
final class RowSender {
    private final TwilioGateway gateway;
    private final PersonalDataCipher cipher;
    private final PhoneNumber from;
    private final URI publicUrl;
    private final OutboxSettings settings;
    private final Backoff backoff;
    private final Clock clock;
    private final SendOutcomes outcomes;
    private final EarlierSends earlierSends;
    /** 401s from Twilio in a row, across rows: wrong credentials are this instance's problem, not a row's. */
    private final AtomicInteger authRefusals = new AtomicInteger();

    RowSender(TwilioGateway gateway, PersonalDataCipher cipher, PhoneNumber from, URI publicUrl, OutboxSettings settings,
              SendOutcomes outcomes, EarlierSends earlierSends, Clock clock) {
        this.gateway = gateway;
        this.cipher = cipher;
        this.from = from;
        this.publicUrl = publicUrl;
        this.settings = settings;
        this.backoff = new Backoff(settings.retryBase(), settings.retryMax());
        this.clock = clock;
        this.outcomes = outcomes;
        this.earlierSends = earlierSends;
    }

    void send(OutboxRow row) {
        Request request;
        try {
            request = request(row);
        } catch (RuntimeException e) {
            // Our own fault, found before anything went out (a row that cannot be opened or is no
            // valid request as it stands): retrying will not help, and leaving it 'sending' would
            // have it taken up again after every claim timeout.
            outcomes.failed(row, 0, null, "not sendable: " + e.getClass().getSimpleName(), false);
            return;
        }
        if (row.outcomeUnknownSince() != null && !earlierSendMissing(row, request)) {
            return;
        }
        SendResult result;
        try {
            result = request.send().get();
        } catch (TwilioSendException e) {
            refused(row, e);
            return;
        } catch (RuntimeException e) {
            // Whether Twilio took it is unknown: as good as an answer that never came.
            retryOrFail(row, 0, null, "Twilio request failed: " + e.getClass().getSimpleName());
            return;
        }
        authRefusals.set(0);
        outcomes.sent(row, result);
    }

    /**
     * Asks Twilio for the row's earlier send. True only when it surely has none, so the row may be
     * sent; otherwise the row is settled as sent with what Twilio has, or, when the look-up failed,
     * kept for a later try: a late text is better than a double one.
     */
    private boolean earlierSendMissing(OutboxRow row, Request request) {
        Optional<SendResult> earlier;
        try {
            earlier = earlierSends.find(row, request.findEarlier());
        } catch (TwilioSendException e) {
            if (e.httpStatus() == 401) {
                refused(row, e);
            } else {
                // Whatever the answer, nothing is known of the earlier attempt yet: never a reason to give up at once.
                retryOrFail(row, e.httpStatus(), e.twilioCode(), e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            retryOrFail(row, 0, null, "earlier send not looked up: " + e.getClass().getSimpleName());
            return false;
        }
        authRefusals.set(0);
        earlier.ifPresent(found -> outcomes.recovered(row, found));
        return earlier.isEmpty();
    }

    /** The row opened into its Twilio requests: sending it, and looking for an earlier send of it since a time. */
    private record Request(Supplier<SendResult> send, Function<Instant, List<SendResult>> findEarlier) {}

    /** Opens the row and builds its requests; nothing is sent until one is called for. */
    private Request request(OutboxRow row) {
        if (row.channel() == MessageKind.Channel.SMS) {
            OutboundSms sms = sms(row);
            return new Request(() -> gateway.sendSms(sms), since -> gateway.findSms(sms, since));
        }
        OutboundCall call = call(row);
        return new Request(() -> gateway.placeCall(call), since -> gateway.findCall(call, since));
    }

    private void refused(OutboxRow row, TwilioSendException e) {
        if (e.httpStatus() == 401) {
            // Twilio refused our credentials, not this message: keep it pending, without using up
            // its attempts, until they are fixed. The wait grows with each 401 in a row, up to retryMax.
            Duration wait = backoff.after(authRefusals.updateAndGet(n -> Math.min(n + 1, 64)));
            outcomes.authRefused(row, e.twilioCode(), e.getMessage(), clock.instant().plus(wait));
        } else if (e.retryable()) {
            retryOrFail(row, e.httpStatus(), e.twilioCode(), e.getMessage());
        } else {
            outcomes.failed(row, e.httpStatus(), e.twilioCode(), e.getMessage(), false);
        }
    }

    private void retryOrFail(OutboxRow row, int http, Integer code, String message) {
        if (row.attempts() >= settings.maxAttempts()) {
            outcomes.failed(row, http, code, message, true);
            return;
        }
        Duration wait = backoff.after(row.attempts());
        // No answer: Twilio may have taken the message all the same, so the next attempt asks it
        // first. Waiting one claim timeout gives its status callback (which carries our id) the
        // chance to settle the row before, and Twilio's list the time to show the message.
        boolean outcomeUnknown = http == 0;
        if (outcomeUnknown && wait.compareTo(settings.claimTimeout()) < 0) {
            wait = settings.claimTimeout();
        }
        outcomes.retry(row, http, code, message, clock.instant().plus(wait), outcomeUnknown);
    }

    private OutboundSms sms(OutboxRow row) {
        return new OutboundSms(cipher.openPhone(row.recipientSealed()), from, cipher.open(row.bodySealed()),
                callback(Webhook.SMS_STATUS, row));
    }

    private OutboundCall call(OutboxRow row) {
        return new OutboundCall(cipher.openPhone(row.recipientSealed()), from,
                URI.create(publicUrl + row.twimlPath()), callback(Webhook.VOICE_STATUS, row), 30);
    }

    /** The outbox id rides along so a callback can settle a row whose sender died before recording the sid. */
    private URI callback(Webhook status, OutboxRow row) {
        return URI.create(publicUrl + status.url(row.id()));
    }
}
