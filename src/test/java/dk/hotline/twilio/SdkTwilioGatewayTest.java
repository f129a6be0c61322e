package dk.hotline.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dk.hotline.twilio.TwilioStubs.ACCOUNT_SID;
import static dk.hotline.twilio.TwilioStubs.AUTH_TOKEN;
import static dk.hotline.twilio.TwilioStubs.CALLS_PATH;
import static dk.hotline.twilio.TwilioStubs.MESSAGES_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.LogCapture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SdkTwilioGatewayTest {
    private static final PhoneNumber SURVIVOR = PhoneNumber.parse("+45 20 12 34 56");
    private static final PhoneNumber HOTLINE = PhoneNumber.parse("+45 70 20 30 40");
    private static final String BODY = "Hej! Gruppen mødes i morgen kl. 18 – vi glæder os 👍";
    private static final URI SMS_STATUS = URI.create("https://hotline.example.dk/twilio/sms/status?outbox=42");
    private static final URI CALL_STATUS = URI.create("https://hotline.example.dk/twilio/voice/status?outbox=43");
    private static final URI TWIML = URI.create("https://hotline.example.dk/twilio/voice/callback/43");

    private WireMockServer twilio;
    private SdkTwilioGateway gateway;

    @BeforeEach
    void startTwilio() {
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        gateway = gatewayAt(URI.create(twilio.baseUrl()));
    }

    @AfterEach
    void stopTwilio() {
        gateway.close();
        twilio.stop();
    }

    @Test
    void sendsSmsAsOneAuthenticatedFormPostAndAnswersTwiliosSid() {
        TwilioStubs.messageCreated(twilio);

        SendResult result = gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, BODY, SMS_STATUS));

        assertThat(result.sid()).matches("SM[0-9a-f]{32}");
        assertThat(result.status()).isEqualTo("queued");
        twilio.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES_PATH))
                .withBasicAuth(new BasicCredentials(ACCOUNT_SID, AUTH_TOKEN))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("To", equalTo("+4520123456"))
                .withFormParam("From", equalTo("+4570203040"))
                .withFormParam("Body", equalTo(BODY))
                .withFormParam("StatusCallback", equalTo(SMS_STATUS.toString())));
        assertThat(onlyRequest().formParameters()).containsOnlyKeys("To", "From", "Body", "StatusCallback");
    }

    @Test
    void eachAcceptedSmsGetsItsOwnSid() {
        TwilioStubs.messageCreated(twilio);
        var sms = new OutboundSms(SURVIVOR, HOTLINE, BODY, SMS_STATUS);

        assertThat(gateway.sendSms(sms).sid()).isNotEqualTo(gateway.sendSms(sms).sid());
    }

    @Test
    void smsWithoutStatusCallbackSendsNone() {
        TwilioStubs.messageCreated(twilio);

        gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, BODY, null));

        assertThat(onlyRequest().formParameters()).containsOnlyKeys("To", "From", "Body");
    }

    @Test
    void placesCallWithTwimlUrlStatusCallbackAndRingTimeout() {
        TwilioStubs.callCreated(twilio);

        SendResult result = gateway.placeCall(new OutboundCall(SURVIVOR, HOTLINE, TWIML, CALL_STATUS, 30));

        assertThat(result.sid()).matches("CA[0-9a-f]{32}");
        assertThat(result.status()).isEqualTo("queued");
        twilio.verify(exactly(1), postRequestedFor(urlEqualTo(CALLS_PATH))
                .withBasicAuth(new BasicCredentials(ACCOUNT_SID, AUTH_TOKEN))
                .withFormParam("To", equalTo("+4520123456"))
                .withFormParam("From", equalTo("+4570203040"))
                .withFormParam("Url", equalTo(TWIML.toString()))
                .withFormParam("StatusCallback", equalTo(CALL_STATUS.toString()))
                .withFormParam("StatusCallbackEvent", havingExactly("initiated", "ringing", "answered", "completed"))
                .withFormParam("Timeout", equalTo("30")));
        assertThat(onlyRequest().formParameters())
                .containsOnlyKeys("To", "From", "Url", "StatusCallback", "StatusCallbackEvent", "Timeout");
    }

    @Test
    void callWithoutStatusCallbackAsksForNoEvents() {
        TwilioStubs.callCreated(twilio);

        gateway.placeCall(new OutboundCall(SURVIVOR, HOTLINE, TWIML, null, 30));

        assertThat(onlyRequest().formParameters()).containsOnlyKeys("To", "From", "Url", "Timeout");
    }

    @Test
    void acceptedSendsAreLeftToTheOutboxToLog() {
        TwilioStubs.messageCreated(twilio);
        TwilioStubs.callCreated(twilio);

        try (var logs = new LogCapture()) {
            gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, BODY, SMS_STATUS));
            gateway.placeCall(new OutboundCall(SURVIVOR, HOTLINE, TWIML, CALL_STATUS, 30));

            // One line per event: the outbox writes event=outbox.sent, so nothing here at INFO.
            assertThat(logs.lines()).noneMatch(line -> line.startsWith(SdkTwilioGateway.class.getName()));
        }
    }

    @Test
    void serverErrorIsRetryableAfterExactlyOneRequest() {
        TwilioStubs.messageServerError(twilio);

        TwilioSendException e = sendFails();

        assertFailure(e, 500, 20500, true);
        // The SDK on its own would have tried three times.
        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
    }

    @Test
    void serverErrorWithoutJsonBodyKeepsItsHttpStatus() {
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse()
                .withStatus(503).withHeader("Content-Type", "text/html").withBody("<html>Service Unavailable</html>")));

        TwilioSendException e = sendFails();

        assertFailure(e, 503, null, true);
        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
    }

    @Test
    void rateLimitIsRetryable() {
        TwilioStubs.messageRateLimited(twilio);

        TwilioSendException e = sendFails();

        assertFailure(e, 429, 20429, true);
        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
    }

    @Test
    void unsubscribedRecipientIsPermanentAndNamesNoNumber() {
        TwilioStubs.messageUnsubscribed(twilio);

        TwilioSendException e = sendFails();

        assertFailure(e, 400, 21610, false);
        assertThat(e.getMessage()).contains("21610").contains("400");
        assertHoldsNoPersonalData(e);
    }

    @Test
    void invalidToIsPermanentAndTwiliosEchoOfTheNumberIsNotCopied() {
        TwilioStubs.messageInvalidTo(twilio);

        TwilioSendException e = sendFails();

        assertFailure(e, 400, 21211, false);
        assertHoldsNoPersonalData(e);
    }

    @Test
    void refusedCallIsMappedLikeARefusedText() {
        TwilioStubs.callFails(twilio, 400, "error-21211.json");

        TwilioSendException e = catchThrowableOfType(TwilioSendException.class,
                () -> gateway.placeCall(new OutboundCall(SURVIVOR, HOTLINE, TWIML, CALL_STATUS, 30)));

        assertFailure(e, 400, 21211, false);
        assertThat(e.getMessage()).startsWith("call not sent");
        assertHoldsNoPersonalData(e);
    }

    @Test
    void connectionResetIsRetryableWithoutHttpStatus() {
        TwilioStubs.messageConnectionReset(twilio);

        TwilioSendException e = sendFails();

        assertFailure(e, 0, null, true);
        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
        assertHoldsNoPersonalData(e);
    }

    @Test
    void answerSlowerThanReadTimeoutIsRetryable() {
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH))
                .willReturn(TwilioStubs.json(201, "message-created.json").withFixedDelay(3_000)));

        TwilioSendException e = sendFails();

        assertFailure(e, 0, null, true);
        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
    }

    @Test
    void unreachableTwilioIsRetryable() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var unreachable = gatewayAt(URI.create("http://localhost:" + closedPort))) {
            TwilioSendException e = catchThrowableOfType(TwilioSendException.class,
                    () -> unreachable.sendSms(new OutboundSms(SURVIVOR, HOTLINE, BODY, SMS_STATUS)));

            assertFailure(e, 0, null, true);
        }
    }

    @Test
    void aTwilioThatNeverAcceptsTheConnectionIsGivenUpOnWithinOurTimeouts() throws Exception {
        // A listening socket with a full backlog leaves new connections hanging in the handshake.
        // Without our own timeouts the SDK would wait 30.5 s for the connection.
        var sockets = new ArrayList<Socket>();
        try (var stalled = new ServerSocket()) {
            stalled.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1);
            fillBacklog(stalled, sockets);
            try (var stalledGateway = gatewayAt(URI.create("http://127.0.0.1:" + stalled.getLocalPort()))) {
                Instant start = Instant.now();

                TwilioSendException e = catchThrowableOfType(TwilioSendException.class,
                        () -> stalledGateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, BODY, SMS_STATUS)));

                assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
                assertFailure(e, 0, null, true);
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void unreadableAcceptanceIsNotRetriedBecauseTheTextMayHaveGone() {
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"sid\": ")));

        TwilioSendException e = sendFails();

        assertFailure(e, 201, null, false);
    }

    private SdkTwilioGateway gatewayAt(URI baseUrl) {
        return new SdkTwilioGateway(ACCOUNT_SID, AUTH_TOKEN, baseUrl, Duration.ofSeconds(2), Duration.ofMillis(500));
    }

    private static void fillBacklog(ServerSocket server, List<Socket> sockets) {
        for (int i = 0; i < 10; i++) {
            var socket = new Socket();
            sockets.add(socket);
            try {
                socket.connect(server.getLocalSocketAddress(), 200);
            } catch (IOException full) {
                return;
            }
        }
    }

    /** One assertion for all three, so that a failure shows the exception and what WireMock answered. */
    private void assertFailure(TwilioSendException e, int httpStatus, Integer twilioCode, boolean retryable) {
        assertThat(e).as("expected a TwilioSendException; WireMock answered %s", servedAnswers()).isNotNull();
        assertThat(e).as("%s, cause %s; WireMock answered %s", e.getMessage(), e.getCause(), servedAnswers())
                .returns(httpStatus, TwilioSendException::httpStatus)
                .returns(twilioCode, TwilioSendException::twilioCode)
                .returns(retryable, TwilioSendException::retryable);
    }

    private List<String> servedAnswers() {
        return twilio.getAllServeEvents().stream()
                .map(event -> event.getResponse().getStatus() + " " + event.getResponse().getBodyAsString())
                .toList();
    }

    private TwilioSendException sendFails() {
        return catchThrowableOfType(TwilioSendException.class,
                () -> gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, BODY, SMS_STATUS)));
    }

    private LoggedRequest onlyRequest() {
        var requests = new ArrayList<>(twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES_PATH))));
        requests.addAll(twilio.findAll(postRequestedFor(urlEqualTo(CALLS_PATH))));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** Neither the message nor anything chained to it may carry the number or the body. */
    private static void assertHoldsNoPersonalData(TwilioSendException e) {
        var trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .doesNotContain("20123456")
                .doesNotContain("2012")
                .doesNotContain("3456")
                .doesNotContain("Gruppen");
        assertThat(e.getMessage()).doesNotContainPattern("\\d{6,}");
    }
}
