package dk.hotline.twilio;

import com.twilio.base.Page;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import dk.hotline.privacy.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real gateway: Twilio's Java SDK with its own {@link TwilioRestClient} (no global
 * {@code Twilio.init}), one HTTP request per send or look-up and errors mapped to
 * {@link TwilioSendException}.
 */
public final class SdkTwilioGateway implements TwilioGateway, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SdkTwilioGateway.class);

    /** The call progress Twilio reports to a call's status callback. */
    static final List<String> CALL_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    // Twilio answers a create in well under a second; 30 s only bounds a hung connection.
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /**
     * A look-up reads one page, newest first: the attempt it looks for is minutes old, and one
     * number gets few texts or calls from us in minutes.
     */
    static final long LOOKUP_PAGE = 20;

    private final RetargetingHttpClient http;
    private final TwilioRestClient client;

    /**
     * @param apiBaseUrl where Twilio's REST API is, {@code https://api.twilio.com} in production and
     *     a mock in tests; {@code null} means Twilio's
     */
    public SdkTwilioGateway(String accountSid, String authToken, URI apiBaseUrl) {
        this(accountSid, authToken, apiBaseUrl, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    SdkTwilioGateway(String accountSid, String authToken, URI apiBaseUrl, Duration connectTimeout, Duration readTimeout) {
        if (accountSid == null || accountSid.isBlank() || authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("Twilio account SID and auth token are both required");
        }
        this.http = new RetargetingHttpClient(apiBaseUrl, connectTimeout, readTimeout);
        this.client = new TwilioRestClient.Builder(accountSid, authToken).httpClient(http).build();
    }

    @Override
    public SendResult sendSms(OutboundSms sms) {
        var creator = Message.creator(sdkNumber(sms.to()), sdkNumber(sms.from()), sms.body());
        if (sms.statusCallback() != null) {
            creator.setStatusCallback(sms.statusCallback());
        }
        Message message = once("SMS", () -> creator.create(client));
        var result = new SendResult(message.getSid(), String.valueOf(message.getStatus()));
        // The outbox logs the outcome (event=outbox.sent); this is only for following the wire.
        log.debug("event=twilio.accepted kind=sms sid={} status={}", result.sid(), result.status());
        return result;
    }

    @Override
    public SendResult placeCall(OutboundCall call) {
        var creator = Call.creator(sdkNumber(call.to()), sdkNumber(call.from()), call.twimlUrl())
                .setTimeout(call.timeoutSeconds());
        if (call.statusCallback() != null) {
            // Without events Twilio reports only "completed"; the call log and the outbox want each step.
            creator.setStatusCallback(call.statusCallback()).setStatusCallbackEvent(CALL_EVENTS);
        }
        Call placed = once("call", () -> creator.create(client));
        var result = new SendResult(placed.getSid(), String.valueOf(placed.getStatus()));
        log.debug("event=twilio.accepted kind=call sid={} status={}", result.sid(), result.status());
        return result;
    }

    @Override
    public List<SendResult> findSms(OutboundSms sms, Instant notBefore) {
        var reader = Message.reader().setTo(sdkNumber(sms.to())).setFrom(sdkNumber(sms.from())).setPageSize(LOOKUP_PAGE);
        Page<Message> page = lookup("SMS", () -> reader.firstPage(client));
        Instant since = notBefore.minus(CLOCK_SKEW);
        // Only what our API requests created: a TwiML reply with the same words is another message.
        return page.getRecords().stream()
                .filter(m -> m.getDirection() == Message.Direction.OUTBOUND_API && sms.body().equals(m.getBody())
                        && createdSince(m.getDateCreated(), since))
                .map(m -> new SendResult(m.getSid(), String.valueOf(m.getStatus())))
                .toList();
    }

    @Override
    public List<SendResult> findCall(OutboundCall call, Instant notBefore) {
        var reader = Call.reader().setTo(sdkNumber(call.to())).setFrom(sdkNumber(call.from())).setPageSize(LOOKUP_PAGE);
        Page<Call> page = lookup("call", () -> reader.firstPage(client));
        Instant since = notBefore.minus(CLOCK_SKEW);
        // A leg that a <Dial> rang from our number is "outbound-dial": not one we placed.
        return page.getRecords().stream()
                .filter(c -> "outbound-api".equals(c.getDirection()) && createdSince(c.getDateCreated(), since))
                .map(c -> new SendResult(c.getSid(), String.valueOf(c.getStatus())))
                .toList();
    }

    @Override
    public void close() {
        http.close();
    }

    private <T> T once(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (ApiException | ApiConnectionException e) {
            throw TwilioFailures.from(what, e, http.lastStatus());
        }
    }

    private <T> T lookup(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (ApiException | ApiConnectionException e) {
            throw TwilioFailures.fromLookup(what, e, http.lastStatus());
        }
    }

    private static boolean createdSince(ZonedDateTime created, Instant since) {
        return created != null && !created.toInstant().isBefore(since);
    }

    private static com.twilio.type.PhoneNumber sdkNumber(PhoneNumber number) {
        return new com.twilio.type.PhoneNumber(number.e164());
    }
}
