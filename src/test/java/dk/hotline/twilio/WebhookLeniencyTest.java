package dk.hotline.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.LogCapture;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.Twiml;
import dk.hotline.testing.TwilioCall;
import dk.hotline.testing.TwilioSms;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Twilio sends for a call or text already under way when something about it no longer fits:
 * a step renamed in flows/voice.yaml, a try count or a fallback position out of range, a media count out of range. The
 * caller or texter is never left with an error.
 */
class WebhookLeniencyTest {
    private static final String CALLER = "+4529870001";
    private static final AtomicInteger SIDS = new AtomicInteger();
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start("http://127.0.0.1:9");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/twilio/voice/step?step=nope", "/twilio/voice/menu?step=nope&try=1",
            "/twilio/voice/interest?step=nope", "/twilio/voice/dialed?step=nope&n=1", "/twilio/voice/menu?step=route-da&try=1",
            "/twilio/voice/menu?try=1"})
    void aStepNotInTheFlowStartsTheCallerAtTheFlowsStart(String url) {
        var call = new TwilioCall(service, newCallSid(), CALLER);
        call.arrive();

        try (var logs = new LogCapture()) {
            var answer = service.twilio(url, callForm(call.sid(), Map.of()));

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            var twiml = Twiml.parse(answer.body());
            assertThat(twiml.text("/Response/Say")).as("the greeting of the start step").isNotEmpty();
            assertThat(twiml.text("/Response/Redirect")).isEqualTo(Webhook.STEP.url("menu-da"));
            assertThat(logs.lines()).anyMatch(l -> l.contains("event=voice.unknown_step"))
                    .noneMatch(l -> l.contains("nope"));
        }
    }

    @Test
    void aStepNotInTheFlowInTheQueueKeepsTheCallerWaiting() {
        var call = new TwilioCall(service, newCallSid(), CALLER);
        call.arrive();

        var waiting = service.twilio("/twilio/voice/queue/wait?step=nope", callForm(call.sid(),
                Map.of("QueuePosition", "2", "QueueTime", "10")));
        var left = service.twilio("/twilio/voice/queue/left?step=nope", callForm(call.sid(), Map.of("QueueResult", "leave")));

        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(200);
        assertThat(Twiml.parse(waiting.body()).text("/Response/Say")).isNotEmpty();
        assertThat(left.statusCode()).as(left.body()).isEqualTo(200);
        assertThat(left.body()).as("on to the fallback chain, in Danish").contains("/twilio/voice/callback/confirm?lang=da");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "-2147483648", "99999999999", "2147483647", "x"})
    void aTryOutOfRangeCountsAsTheLastTry(String attempt) {
        var call = new TwilioCall(service, newCallSid(), CALLER);
        call.arrive();

        var answer = service.twilio("/twilio/voice/menu?step=menu-da&try=" + attempt, callForm(call.sid(), Map.of()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var twiml = Twiml.parse(answer.body());
        assertThat(twiml.count("/Response/Gather[starts-with(@action, '/twilio/voice/menu')]"))
                .as("not the menu again:\n" + answer.body()).isZero();
        assertThat(answer.body()).as("nobody on call: the fallback chain").contains("/twilio/voice/callback/confirm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/twilio/voice/fallback/next?lang=da&after=-2", "/twilio/voice/callback/confirm?lang=da&after=-7",
            "/twilio/voice/fallback/next?lang=da&after=2147483647", "/twilio/voice/callback/confirm?lang=da&after=2147483647"})
    void aFallbackPositionOutOfRangeEndsTheCallWithItsGoodbye(String url) {
        var call = new TwilioCall(service, newCallSid(), CALLER);
        call.arrive();

        var answer = service.twilio(url, callForm(call.sid(), Map.of()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var twiml = Twiml.parse(answer.body());
        assertThat(twiml.text("/Response/Say")).as("the goodbye").isNotEmpty();
        assertThat(twiml.count("/Response/Dial") + twiml.count("/Response/Gather")).as("nothing rung or offered again").isZero();
    }

    @Test
    void aNulInTwiliosFieldsIsDroppedRatherThanFailingTheCall() {
        var call = new TwilioCall(service, newCallSid(), CALLER);
        call.arrive();

        var answer = service.twilio("/twilio/voice/menu?step=menu-da&try=1", callForm(call.sid(), Map.of("Digits", "\u0000")));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(Twiml.parse(answer.body()).text("/Response/Gather/@action")).as("no key: the menu again")
                .isEqualTo(Webhook.MENU.url("menu-da", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "99999999999", "2147483647", "many"})
    void aMediaCountOutOfRangeIsNoErrorForTheTexter(String media) {
        String sid = TwilioSms.newSid();
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", TestConfig.ACCOUNT_SID);
        form.put("MessageSid", sid);
        form.put("From", "+4529870002");
        form.put("To", TestConfig.HOTLINE_NUMBER);
        form.put("Body", "hej");
        form.put("NumMedia", media);

        HttpResponse<String> answer = service.twilio(Webhook.SMS.path(), form);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        long stored = service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sms_inbound WHERE message_sid = :sid")
                .bind("sid", sid).mapTo(Long.class).one());
        assertThat(stored).as("the text was taken in").isEqualTo(1);
    }

    private static Map<String, String> callForm(String callSid, Map<String, String> extra) {
        var form = new LinkedHashMap<>(TestService.incomingCall(callSid, CALLER));
        form.putAll(extra);
        return form;
    }

    private static String newCallSid() {
        return String.format("CA%032x", 0xC0FFEE00L + SIDS.incrementAndGet());
    }
}
