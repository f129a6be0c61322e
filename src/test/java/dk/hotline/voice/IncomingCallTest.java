package dk.hotline.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Json;
import dk.hotline.testing.TestService;
import dk.hotline.testing.Twiml;
import dk.hotline.twilio.Webhook;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IncomingCallTest {
    private static final String CALLER = "+4520123456";
    /** A plausible value for each query parameter a webhook's URL carries. */
    private static final Map<String, Object> SAMPLE_QUERY = Map.of("step", "menu-da", "try", 1, "n", 1, "offer", 1,
            "lang", "da", "after", 0, "source", "call", "outbox", 1);
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start("http://127.0.0.1:9");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void signedCallIsGreetedInDanishAndRecordedOnce() {
        var form = TestService.incomingCall("CA00000000000000000000000000000001", CALLER);

        var first = service.twilio(Webhook.VOICE.path(), form);
        var retry = service.twilio(Webhook.VOICE.path(), form);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        var twiml = Twiml.parse(first.body());
        assertThat(twiml.text("/Response/Say[1]/@language")).isEqualTo("da-DK");
        assertThat(twiml.text("/Response/Say[1]/@voice")).isEqualTo("Polly.Naja");
        assertThat(twiml.text("/Response/Say[1]")).contains("1 1 2");
        assertThat(twiml.text("/Response/Redirect")).isEqualTo(Webhook.STEP.url("menu-da"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(callRows("CA00000000000000000000000000000001")).isEqualTo(1);
    }

    @Test
    void unsignedCallIsRefusedAndChangesNothing() {
        var form = TestService.incomingCall("CA00000000000000000000000000000002", CALLER);

        var response = service.postForm(Webhook.VOICE.path(), form, Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(callRows("CA00000000000000000000000000000002")).isZero();
    }

    @Test
    void callWithOneParameterChangedAfterSigningIsRefused() {
        var form = TestService.incomingCall("CA00000000000000000000000000000003", CALLER);
        String signature = dk.hotline.twilio.TwilioSigner.sign(service.authToken(), service.publicUrl() + Webhook.VOICE.path(), form);
        var tampered = new HashMap<>(form);
        tampered.put("From", "+4520999999");

        var response = service.postForm(Webhook.VOICE.path(), tampered, Map.of("X-Twilio-Signature", signature));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(callRows("CA00000000000000000000000000000003")).isZero();
    }

    @Test
    void signatureForAnotherHostIsRefused() {
        var form = TestService.incomingCall("CA00000000000000000000000000000004", CALLER);
        String signature = dk.hotline.twilio.TwilioSigner.sign(service.authToken(), "https://evil.example.org" + Webhook.VOICE.path(), form);

        var response = service.postForm(Webhook.VOICE.path(), form, Map.of("X-Twilio-Signature", signature));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(callRows("CA00000000000000000000000000000004")).isZero();
    }

    @Test
    void signatureOverThePublicHttpsUrlIsAcceptedThoughTheServiceListensOnPlainHttp() {
        // The test client talks http://localhost:<port>; the signature covers https://hotline.example.org,
        // as it does when a TLS-terminating proxy stands in front.
        var response = service.twilio(Webhook.VOICE.path(), TestService.incomingCall("CA00000000000000000000000000000005", CALLER));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(callRows("CA00000000000000000000000000000005")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Webhook.class)
    void everyWebhookIsSignedToo(Webhook webhook) {
        var form = TestService.incomingCall("CA00000000000000000000000000000008", CALLER);
        form.put("Digits", "1");
        Object[] query = webhook.query().stream()
                .map(name -> Objects.requireNonNull(SAMPLE_QUERY.get(name), "a sample value for " + name)).toArray();

        assertThat(service.postForm(webhook.url(query), form, Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void withheldNumberIsStillAnswered() {
        var response = service.twilio(Webhook.VOICE.path(), TestService.incomingCall("CA00000000000000000000000000000006", "anonymous"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Twiml.parse(response.body()).text("/Response/Say[1]")).contains("1 1 2");
    }

    @Test
    void malformedCallSidIsABadRequestNotAnError() {
        var response = service.twilio(Webhook.VOICE.path(), TestService.incomingCall("not-a-sid", CALLER));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.errorField(response)).isEqualTo("CallSid");
    }

    @Test
    void fallbackAnswersWithoutTheDatabaseAndEndsWith112() {
        var response = service.twilio(Webhook.VOICE_FALLBACK.path(), TestService.incomingCall("CA00000000000000000000000000000007", CALLER));

        assertThat(response.statusCode()).isEqualTo(200);
        var twiml = Twiml.parse(response.body());
        assertThat(twiml.text("/Response/Say[last()]")).contains("1 1 2");
        assertThat(twiml.count("/Response/Hangup")).isEqualTo(1);
        assertThat(callRows("CA00000000000000000000000000000007")).isZero();
    }

    private static int callRows(String callSid) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM calls WHERE call_sid = :s")
                .bind("s", callSid).mapTo(Integer.class).one());
    }
}
