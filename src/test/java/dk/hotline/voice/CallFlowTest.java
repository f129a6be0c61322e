package dk.hotline.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.FormBody;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import dk.hotline.twilio.TwilioStubs;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole calls, played as Twilio plays them: signed webhooks over HTTP, following the TwiML. */
class CallFlowTest {
    private static final String CALLER = "+4529876543";
    private static final String MAJA = "+4520000001";
    private static final String EMIL = "+4520000002";
    private static final String AMY = "+4520000003";
    private static final AtomicInteger SIDS = new AtomicInteger();

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private TestService service;
    private Coordinator coordinator;

    @BeforeEach
    void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        TwilioStubs.callCreated(twilio);
        service = TestService.start(twilio.baseUrl(), env -> {
            env.put("HOTLINE_ROUTING_WRAP_UP", "PT0.001S");
            return env;
        }, java.time.Clock.systemUTC());
        coordinator = new Coordinator(service);
    }

    @AfterEach
    void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void callerPressingOneIsPutThroughToTheFirstLeaderWhoPressesOne() {
        long maja = onCallNow("Maja", MAJA, List.of("da"));
        var call = newCall();

        var menu = call.arrive();
        assertThat(call.heard()).contains("akut fare").contains("1 1 2");
        assertThat(menu.text("/Response/Gather/Say")).contains("Tryk 1");
        var dial = call.press("1");

        assertThat(dial.text("/Response/Dial/@callerId")).isEqualTo(TestConfig.HOTLINE_NUMBER);
        assertThat(dial.text("/Response/Dial/Number")).isEqualTo(MAJA);
        var leg = new TwilioCall.LeaderLeg(service, newSid());
        var screening = leg.answer(dial.text("/Response/Dial/Number/@url"));
        assertThat(screening.text("/Response/Gather/Say")).contains("Tryk 1").contains("dansk");
        assertThat(screening.count("/Response/Hangup")).as("no key hangs up the leader's leg").isEqualTo(1);
        var bridged = leg.press("1");
        assertThat(bridged.count("/Response/*")).as("empty answer: Twilio bridges").isZero();
        var after = call.dialEnds("completed");
        assertThat(after.text("/Response/Say[last()]")).contains("1 1 2");
        call.hangUp(300);

        var record = callRecord(call.sid());
        assertThat(Json.text(record, "answeredBy")).isEqualTo("Maja");
        assertThat(Json.text(record, "outcome")).isEqualTo("answered");
        assertThat(Json.text(record, "menuPath")).isEqualTo("1");
        assertThat(Json.number(record, "durationSeconds")).isEqualTo(300);
        // Privacy: the caller's number in clear appears nowhere in the list of calls.
        assertThat(calls()).doesNotContain("29876543");
        assertThat(maja).isPositive();
    }

    @Test
    void firstLeaderNotPressingOneMovesTheCallToTheNextLeader() {
        onCallNow("Maja", MAJA, List.of("da"));
        onCallNow("Emil", EMIL, List.of("da"));
        var call = newCall();
        call.arrive();
        var first = call.press("1");
        String firstNumber = first.text("/Response/Dial/Number");

        // Voicemail answers: it hears the prompt and never presses 1.
        new TwilioCall.LeaderLeg(service, newSid()).answer(first.text("/Response/Dial/Number/@url"));
        var second = call.dialEnds("no-answer");

        assertThat(second.text("/Response/Dial/Number")).isNotEqualTo(firstNumber).isIn(MAJA, EMIL);
        var leg = new TwilioCall.LeaderLeg(service, newSid());
        leg.answer(second.text("/Response/Dial/Number/@url"));
        leg.press("1");
        call.dialEnds("completed");
        var record = callRecord(call.sid());
        assertThat(Json.text(record, "outcome")).isEqualTo("answered");
        assertThat(Json.texts(record, "leadersOffered")).containsExactlyInAnyOrder("Maja", "Emil");
    }

    @Test
    void whenNoLeaderOnCallAnswersTheCallerReachesTheFallbackWithinMaxRing() {
        onCallNow("Maja", MAJA, List.of("da"));
        onCallNow("Emil", EMIL, List.of("da"));
        var call = newCall();
        call.arrive();

        var first = call.press("1");
        var second = call.dialEnds("no-answer");
        assertThat(second.text("/Response/Dial/Number")).isNotEqualTo(first.text("/Response/Dial/Number"));
        var afterBoth = call.dialEnds("no-answer");

        assertThat(afterBoth.count("/Response/Dial")).as("nobody is rung a second time").isZero();
        assertThat(afterBoth.text("/Response/Gather/Say")).as("the callback offer").contains("ringe dig op");
        assertThat(call.press("").text("/Response/Say[last()]")).contains("1 1 2");
        assertThat(Json.text(callRecord(call.sid()), "outcome")).isEqualTo("no-answer");
    }

    @Test
    void aLeaderCallsBackThroughTheServiceAndOnlyThePersonPressingOneIsPutThrough() {
        long maja = onCallNow("Maja", MAJA, List.of("da"));
        var call = newCall();
        call.arrive();
        call.press("3");
        call.press("1");
        call.press("");
        long id = Json.number(Json.elements(coordinator.get("/api/callbacks")).get(0), "id");

        for (String answeredBy : List.of("voicemail", "person")) {
            twilio.resetRequests();
            var started = coordinator.post("/api/callbacks/" + id + "/call", "{\"leaderId\":" + maja + "}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            Await.until("Maja's phone is rung", Await.SOON,
                    () -> twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH))).size() == 1);
            var placed = FormBody.parse(twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH))).get(0).getBodyAsString());
            assertThat(placed).containsEntry("To", MAJA).containsEntry("From", TestConfig.HOTLINE_NUMBER);

            var majaLeg = new TwilioCall.LeaderLeg(service, newSid());
            majaLeg.answer(placed.get("Url").replace("https://hotline.example.org", ""));
            var dial = majaLeg.press("1");
            assertThat(dial.text("/Response/Dial/Number")).isEqualTo(CALLER);
            assertThat(dial.text("/Response/Dial/@callerId")).isEqualTo(TestConfig.HOTLINE_NUMBER);
            var personLeg = new TwilioCall.LeaderLeg(service, newSid());
            var screening = personLeg.answer(dial.text("/Response/Dial/Number/@url"));
            assertThat(screening.text("/Response/Gather/Say")).contains("Tryk 1");
            personLeg.press(answeredBy.equals("person") ? "1" : "");
            var ended = service.twilio(dial.text("/Response/Dial/@action"), Map.of("CallSid", newSid(), "DialCallStatus", "completed"));
            assertThat(ended.statusCode()).isEqualTo(200);

            var callback = Json.withId(Json.parse(coordinator.get("/api/callbacks?status=all")), id);
            assertThat(Json.text(callback, "status")).as(answeredBy).isEqualTo(answeredBy.equals("person") ? "done" : "open");
            if (answeredBy.equals("voicemail")) {
                assertThat(ended.body()).contains("tog ikke telefonen");
            }
        }
    }

    @Test
    void nobodyOnCallHearsWhenWeOpenAgainAnd112() {
        long maja = coordinator.leader("Maja", MAJA, List.of("da"));
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        coordinator.shift(maja, tomorrow, tomorrow.plus(Duration.ofHours(4)));
        var call = newCall();
        call.arrive();

        var answer = call.press("1");

        assertThat(answer.count("/Response/Dial")).isZero();
        String localHour = tomorrow.atZone(java.time.ZoneId.of("Europe/Copenhagen")).toLocalTime().toString().replace(':', '.');
        assertThat(answer.text("/Response/Say[1]")).contains("Vi har åbent igen").contains("klokken " + localHour);
        assertThat(answer.text("/Response/Gather/Say")).as("then the callback offer").contains("ringe dig op");
        var end = call.press("");
        assertThat(end.text("/Response/Say[last()]")).contains("1 1 2");
        assertThat(end.count("/Response/Hangup")).isEqualTo(1);
        assertThat(Json.text(callRecord(call.sid()), "outcome")).isEqualTo("out-of-hours");
    }

    @Test
    void englishMenuRingsAnEnglishSpeakingLeaderFirst() {
        onCallNow("Maja", MAJA, List.of("da"));
        onCallNow("Amy", AMY, List.of("da", "en"));
        var call = newCall();
        call.arrive();

        var english = call.press("9");
        assertThat(english.text("/Response/Gather/Say[1]/@language")).isEqualTo("en-GB");
        assertThat(call.heard()).contains("immediate danger");
        var dial = call.press("1");

        assertThat(dial.text("/Response/Dial/Number")).isEqualTo(AMY);
        var screening = new TwilioCall.LeaderLeg(service, newSid()).answer(dial.text("/Response/Dial/Number/@url"));
        assertThat(screening.text("/Response/Gather/Say")).contains("English");
        var record = callRecord(call.sid());
        assertThat(Json.text(record, "language")).isEqualTo("en");
        assertThat(Json.text(record, "menuPath")).isEqualTo("9 1");
    }

    @Test
    void noKeyAfterTwoTriesCountsAsOne() {
        onCallNow("Maja", MAJA, List.of("da"));
        var call = newCall();
        call.arrive();

        var again = call.press("");
        assertThat(again.text("/Response/Gather/Say[1]")).contains("hørte ikke");
        var dial = call.press("");

        assertThat(dial.text("/Response/Dial/Number")).isEqualTo(MAJA);
    }

    @Test
    void callerAsksForACallbackAndTheLeadersOnCallAreTextedWithoutTheNumber() {
        onCallNow("Maja", MAJA, List.of("da"));
        var call = newCall();
        call.arrive();

        var offer = call.press("3");
        assertThat(offer.text("/Response/Gather/Say")).contains("sikkert");
        var when = call.press("1");
        assertThat(when.text("/Response/Gather/Say")).contains("eftermiddag");
        var done = call.press("2");

        assertThat(done.text("/Response")).contains("ringer dig op");
        assertThat(done.text("/Response/Say[last()]")).contains("1 1 2");
        String callbacks = coordinator.get("/api/callbacks?status=open");
        var callback = Json.elements(callbacks);
        assertThat(callback).hasSize(1);
        assertThat(Json.text(callback.get(0), "preferredTime")).isEqualTo("afternoon");
        assertThat(Json.text(callback.get(0), "source")).isEqualTo("voice");
        assertThat(Json.text(callback.get(0), "phone")).endsWith("••43");
        // Privacy: the caller's number in clear appears nowhere in the list.
        assertThat(callbacks).doesNotContain("29876543");
        Await.until("the leader on call is texted", Await.SOON,
                () -> !twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH))).isEmpty());
        String sms = URLDecoder.decode(twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH))).get(0)
                .getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(sms).contains("To=" + MAJA).contains("From=" + TestConfig.HOTLINE_NUMBER)
                .contains("Ny anmodning om at blive ringet op").contains("eftermiddag")
                .doesNotContain("29876543");
        assertThat(Json.text(callRecord(call.sid()), "outcome")).isEqualTo("callback-requested");
    }

    @Test
    void whenAllLeadersAreBusyTheCallerWaitsAndTheFreedLeaderGetsThem() {
        var first = callTakenByMaja();

        var second = newCall();
        second.arrive();
        var queued = second.press("1");
        assertThat(queued.text("/Response/Enqueue")).isEqualTo("hotline-da");
        var waiting = second.waitInQueue(1, 20);
        assertThat(waiting.text("/Response/Say")).contains("nummer 1 i køen");
        assertThat(waiting.count("/Response/Play")).isEqualTo(1);
        assertThat(twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH)))).as("Maja is busy").isEmpty();

        first.dialEnds("completed");
        first.hangUp(120);
        second.waitInQueue(1, 50);

        Await.until("Maja is rung for the waiting caller", Await.SOON,
                () -> twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH))).size() == 1);
        var placed = FormBody.parse(twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH))).get(0).getBodyAsString());
        assertThat(placed).containsEntry("To", MAJA).containsEntry("From", TestConfig.HOTLINE_NUMBER);
        String connectUrl = placed.get("Url").replace("https://hotline.example.org", "");
        var leg = new TwilioCall.LeaderLeg(service, newSid());
        var screening = leg.answer(connectUrl);
        assertThat(screening.text("/Response/Gather/Say")).contains("venter i køen");
        var connect = leg.press("1");
        assertThat(connect.text("/Response/Dial/Queue")).isEqualTo("hotline-da");
        var bridged = service.twilio(connect.text("/Response/Dial/Queue/@url"), TestService.incomingCall(second.sid(), CALLER));
        assertThat(bridged.statusCode()).isEqualTo(200);

        var record = callRecord(second.sid());
        assertThat(Json.text(record, "answeredBy")).isEqualTo("Maja");
        assertThat(Json.text(record, "outcome")).isEqualTo("answered");
    }

    @Test
    void waitingTooLongMovesTheCallerToTheFallback() {
        callTakenByMaja();
        var second = newCall();
        second.arrive();
        second.press("1");

        assertThat(second.waitInQueue(1, 301).count("/Response/Leave")).isEqualTo(1);
        var fallback = second.queueEnds("leave");

        assertThat(fallback.text("/Response/Say[1]")).contains("ventet");
        assertThat(fallback.text("/Response/Gather/Say")).as("the callback offer").contains("ringe dig op");
    }

    @Test
    void aRetriedWebhookGetsTheSameAnswerAndRingsNobodyTwice() {
        onCallNow("Maja", MAJA, List.of("da"));
        onCallNow("Emil", EMIL, List.of("da"));
        var call = newCall();
        var menu = call.arrive();
        String action = menu.text("/Response/Gather/@action");
        var form = new java.util.LinkedHashMap<>(TestService.incomingCall(call.sid(), CALLER));
        form.put("Digits", "1");

        var first = service.twilio(action, form);
        var retry = service.twilio(action, form);

        assertThat(retry.body()).isEqualTo(first.body());
        int offers = service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM call_offers WHERE call_sid = :s")
                .bind("s", call.sid()).mapTo(Integer.class).one());
        assertThat(offers).isEqualTo(1);
    }

    @Test
    void leaderWhoSwitchedOffIsNotRung() {
        long maja = onCallNow("Maja", MAJA, List.of("da"));
        coordinator.patchLeader(maja, "{\"available\":false}");
        var call = newCall();
        call.arrive();

        var answer = call.press("1");

        assertThat(answer.count("/Response/Dial")).isZero();
        assertThat(call.press("").text("/Response/Say[last()]")).contains("1 1 2");
    }

    /** Maja, the only leader on call, takes a call: she is busy now. */
    private TwilioCall callTakenByMaja() {
        onCallNow("Maja", MAJA, List.of("da"));
        var call = newCall();
        call.arrive();
        var dial = call.press("1");
        var majaLeg = new TwilioCall.LeaderLeg(service, newSid());
        majaLeg.answer(dial.text("/Response/Dial/Number/@url"));
        majaLeg.press("1");
        return call;
    }

    private long onCallNow(String name, String phone, List<String> languages) {
        return coordinator.onCallNow(name, phone, languages);
    }

    private TwilioCall newCall() {
        return new TwilioCall(service, newSid(), CALLER);
    }

    private static String newSid() {
        return String.format("CA%032x", SIDS.incrementAndGet() + (long) (Math.random() * 1_000_000_000L));
    }

    /** The record of one call in the calls of the last and the next hour. */
    private JsonNode callRecord(String callSid) {
        return Json.withText(Json.parse(calls()), "callSid", callSid);
    }

    /** {@code GET /api/calls} for the last and the next hour, as the API answers it. */
    private String calls() {
        Instant now = Instant.now();
        return coordinator.get("/api/calls?from=" + now.minus(Duration.ofHours(1)).atOffset(java.time.ZoneOffset.UTC)
                + "&to=" + now.plus(Duration.ofHours(1)).atOffset(java.time.ZoneOffset.UTC));
    }

}
