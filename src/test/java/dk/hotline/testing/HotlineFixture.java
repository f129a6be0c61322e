package dk.hotline.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.twilio.TwilioStubs;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The whole service on its own database, with WireMock as Twilio's REST API taking every text,
 * a coordinator signed in, and Twilio's side of texting: what the tests of a feature that
 * sends texts stand on.
 */
public final class HotlineFixture implements AutoCloseable {
    private final WireMockServer twilio;
    private final TestService service;
    private final Coordinator coordinator;
    private final TwilioSms sms;

    private HotlineFixture(WireMockServer twilio, TestService service) {
        this.twilio = twilio;
        this.service = service;
        this.coordinator = new Coordinator(service);
        this.sms = new TwilioSms(service, twilio);
    }

    /** On the system clock. */
    public static HotlineFixture start() {
        var twilio = startTwilio();
        return new HotlineFixture(twilio, TestService.start(twilio.baseUrl()));
    }

    /** On a clock the test moves (see {@link TestService#startWithClock}). */
    public static HotlineFixture start(MutableClock clock) {
        var twilio = startTwilio();
        return new HotlineFixture(twilio, TestService.startWithClock(twilio.baseUrl(), clock));
    }

    /** On {@code clock} without changing the service's settings. */
    public static HotlineFixture startAsConfigured(Clock clock) {
        var twilio = startTwilio();
        return new HotlineFixture(twilio, TestService.start(twilio.baseUrl(), env -> env, clock));
    }

    /** On the system clock, with {@code adjust} applied to the service's settings; Twilio also takes calls. */
    public static HotlineFixture start(UnaryOperator<Map<String, String>> adjust) {
        var twilio = startTwilio();
        TwilioStubs.callCreated(twilio);
        return new HotlineFixture(twilio, TestService.start(twilio.baseUrl(), adjust, Clock.systemUTC()));
    }

    private static WireMockServer startTwilio() {
        var twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        return twilio;
    }

    public WireMockServer twilio() {
        return twilio;
    }

    public TestService service() {
        return service;
    }

    public Coordinator coordinator() {
        return coordinator;
    }

    public TwilioSms sms() {
        return sms;
    }

    /** Twilio refuses texts to {@code number} as an invalid number (400, code 21211), repeating it in its message. */
    public void refusesTextsTo(String number) {
        TwilioStubs.messageTo(twilio, number, TwilioStubs.json(400, "error-21211.json"));
    }

    /**
     * Waits until a survivor's text has been relayed to {@code leader} and returns the conversation's
     * tag ({@code K1}, …) from the latest text the leader got, as the leader would answer with it.
     */
    public String relayedTag(String leader) {
        Await.until("a text reaches " + leader, Await.SOON, () -> !sms.sentTo(leader).isEmpty());
        var texts = sms.sentTo(leader);
        return texts.get(texts.size() - 1).replaceFirst("^\\[(K\\d+)].*", "$1");
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            twilio.stop();
        }
    }
}
