package dk.hotline.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dk.hotline.twilio.TwilioStubs.ACCOUNT_SID;
import static dk.hotline.twilio.TwilioStubs.AUTH_TOKEN;
import static dk.hotline.twilio.TwilioStubs.CALLS_PATH;
import static dk.hotline.twilio.TwilioStubs.MESSAGES_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.http.Fault;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asking Twilio whether it has a text or call already: one GET of its list, matched here. */
class SdkTwilioGatewayLookupTest {
    private static final PhoneNumber SURVIVOR = PhoneNumber.parse("+45 20 12 34 56");
    private static final PhoneNumber HOTLINE = PhoneNumber.parse("+45 70 20 30 40");
    private static final String BODY = "Hej! Gruppen mødes i morgen kl. 18 – vi glæder os 👍";
    private static final URI TWIML = URI.create("https://hotline.example.dk/twilio/voice/callback/43");
    /** The attempt looked for began here; the list files are dated around it. */
    private static final Instant ATTEMPT = Instant.parse("2026-11-25T10:00:00Z");

    private final MutableClock clock = new MutableClock(ATTEMPT);
    private final MessageJournal journal = new MessageJournal(clock);
    private final WireMockServer twilio = TwilioStubs.withJournal(journal);
    private SdkTwilioGateway gateway;

    @BeforeEach
    void startTwilio() {
        twilio.start();
        gateway = new SdkTwilioGateway(ACCOUNT_SID, AUTH_TOKEN, URI.create(twilio.baseUrl()));
    }

    @AfterEach
    void stopTwilio() {
        gateway.close();
        twilio.stop();
    }

    @Test
    void findsATextTwilioTookEarlierWithOneAuthenticatedListRequest() {
        TwilioStubs.messagesInJournal(twilio);
        SendResult sent = gateway.sendSms(sms(BODY));
        clock.advance(Duration.ofMinutes(2));

        var found = gateway.findSms(sms(BODY), ATTEMPT);

        assertThat(found).containsExactly(new SendResult(sent.sid(), "queued"));
        twilio.verify(exactly(1), getRequestedFor(urlPathEqualTo(MESSAGES_PATH))
                .withBasicAuth(new BasicCredentials(ACCOUNT_SID, AUTH_TOKEN))
                .withQueryParam("To", equalTo("+4520123456"))
                .withQueryParam("From", equalTo("+4570203040"))
                .withQueryParam("PageSize", equalTo("20")));
        assertThat(TwilioStubs.requestCount(twilio)).as("the send and the look-up").isEqualTo(2);
    }

    @Test
    void findsNothingWhenTwilioHasNoSuchText() {
        TwilioStubs.messagesInJournal(twilio);
        gateway.sendSms(sms("Et andet ord"));
        gateway.sendSms(new OutboundSms(PhoneNumber.parse("+4520999999"), HOTLINE, BODY, null));

        assertThat(gateway.findSms(sms(BODY), ATTEMPT)).isEmpty();
    }

    @Test
    void matchesOnlyOurApiTextsWithTheSameWordsFromAMinuteBeforeTheAttemptNewestFirst() {
        twilio.stubFor(get(urlPathEqualTo(MESSAGES_PATH)).willReturn(TwilioStubs.json(200, "message-list.json")));

        var found = gateway.findSms(sms(BODY), ATTEMPT);

        // Left out: a TwiML reply, other words, and one created 61 s before the attempt.
        assertThat(found).containsExactly(
                new SendResult("SM00000000000000000000000000000a03", "sent"),
                new SendResult("SM00000000000000000000000000000a04", "delivered"));
    }

    @Test
    void findsOnlyCallsPlacedThroughTheApiNotDialLegs() {
        TwilioStubs.callList(twilio, "call-list.json");

        var found = gateway.findCall(new OutboundCall(SURVIVOR, HOTLINE, TWIML, null, 30), ATTEMPT);

        assertThat(found).containsExactly(new SendResult("CA00000000000000000000000000000b02", "ringing"));
        twilio.verify(exactly(1), getRequestedFor(urlPathEqualTo(CALLS_PATH))
                .withQueryParam("To", equalTo("+4520123456"))
                .withQueryParam("From", equalTo("+4570203040"))
                .withQueryParam("PageSize", equalTo("20")));
    }

    @Test
    void failedLookupIsRetryableAndNamesNoNumber() {
        TwilioStubs.messageListFails(twilio, 500, "error-20500.json");

        TwilioSendException e = catchThrowableOfType(TwilioSendException.class, () -> gateway.findSms(sms(BODY), ATTEMPT));

        assertThat(e).isNotNull().returns(500, TwilioSendException::httpStatus).returns(true, TwilioSendException::retryable);
        assertThat(e.getMessage()).startsWith("SMS lookup failed").doesNotContainPattern("\\d{6,}");
        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
    }

    @Test
    void lookupWithoutAnswerHasNoHttpStatus() {
        twilio.stubFor(get(urlPathEqualTo(MESSAGES_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        TwilioSendException e = catchThrowableOfType(TwilioSendException.class, () -> gateway.findSms(sms(BODY), ATTEMPT));

        assertThat(e).isNotNull().returns(0, TwilioSendException::httpStatus);
    }

    @Test
    void unreadableListIsAFailedLookupNotAnEmptyOne() {
        twilio.stubFor(get(urlPathEqualTo(MESSAGES_PATH)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"messages\": [")));

        TwilioSendException e = catchThrowableOfType(TwilioSendException.class, () -> gateway.findSms(sms(BODY), ATTEMPT));

        assertThat(e).isNotNull().returns(200, TwilioSendException::httpStatus);
        assertThat(e.getMessage()).startsWith("SMS lookup failed: Twilio's list could not be read");
    }

    private static OutboundSms sms(String body) {
        return new OutboundSms(SURVIVOR, HOTLINE, body, null);
    }
}
