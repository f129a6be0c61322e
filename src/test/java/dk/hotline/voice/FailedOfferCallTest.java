package dk.hotline.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.FormBody;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import dk.hotline.twilio.TwilioStubs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A freed leader is offered a queued caller (or a callback) by an outbound call from the outbox.
 * When that call never reaches them (Twilio refuses it, or reports it ended unanswered) the offer
 * ends with it: the leader is free again at once, not held as ringing until the offer expires.
 */
class FailedOfferCallTest {
    private static final String CALLER = "+4529876543";
    private static final String MAJA = "+4520000001";
    private static final String EMIL = "+4520000002";
    private static final AtomicInteger SIDS = new AtomicInteger();

    private HotlineFixture hotline;
    private WireMockServer twilio;
    private TestService service;
    private Coordinator coordinator;

    @BeforeEach
    void start() {
        hotline = HotlineFixture.start(env -> {
            env.put("HOTLINE_ROUTING_WRAP_UP", "PT0.001S");
            return env;
        });
        twilio = hotline.twilio();
        service = hotline.service();
        coordinator = hotline.coordinator();
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    @Test
    void aQueueOfferTwilioRefusesFreesTheLeaderAndTheNextFreeLeaderGetsTheQueuedCaller() {
        refuseCallsTo(MAJA);
        onCallNow("Maja", MAJA);
        onCallNow("Emil", EMIL);
        var first = takenBy(MAJA);
        var second = takenBy(EMIL);
        var waiting = newCall();
        waiting.arrive();
        assertThat(waiting.press("1").text("/Response/Enqueue")).isEqualTo("hotline-da");

        first.dialEnds("completed");
        first.hangUp(60);
        waiting.waitInQueue(1, 30);
        Await.until("the outbox gives up on the call to Maja", Await.SOON, () -> "failed".equals(offerCallStatus("Maja")));

        var next = newCall();
        next.arrive();
        assertThat(next.press("1").text("/Response/Dial/Number")).as("Maja is free again, not held as ringing").isEqualTo(MAJA);

        second.dialEnds("completed");
        second.hangUp(60);
        waiting.waitInQueue(1, 50);
        Await.until("Emil is rung for the waiting caller", Await.SOON, () -> callsPlacedTo(EMIL) == 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"busy", "no-answer", "failed", "canceled"})
    void aQueueOfferWhoseCallEndsUnansweredFreesTheLeader(String status) {
        onCallNow("Maja", MAJA);
        var first = takenBy(MAJA);
        var waiting = newCall();
        waiting.arrive();
        waiting.press("1");
        first.dialEnds("completed");
        first.hangUp(60);
        waiting.waitInQueue(1, 30);
        Await.until("Maja is rung for the waiting caller", Await.SOON, () -> callsPlacedTo(MAJA) == 1);

        var placed = FormBody.parse(twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH))).get(0).getBodyAsString());
        String statusUrl = placed.get("StatusCallback").replace(service.publicUrl(), "");
        var callback = service.twilio(statusUrl, Map.of("AccountSid", TestConfig.ACCOUNT_SID, "CallSid", newSid(),
                "CallStatus", status, "Direction", "outbound-api"));
        assertThat(callback.statusCode()).isEqualTo(204);

        var next = newCall();
        next.arrive();
        assertThat(next.press("1").text("/Response/Dial/Number")).as("Maja is free again after " + status).isEqualTo(MAJA);
    }

    @Test
    void aCallbackOfferTwilioRefusesFreesTheLeaderForTheNextAttempt() {
        refuseCallsTo(MAJA);
        long maja = onCallNow("Maja", MAJA);
        var asking = newCall();
        asking.arrive();
        asking.press("3");
        asking.press("1");
        asking.press("2");
        long request = Json.number(Json.elements(coordinator.get("/api/callbacks?status=open")).get(0), "id");

        var ringing = coordinator.post("/api/callbacks/" + request + "/call", "{\"leaderId\":" + maja + "}");
        assertThat(ringing.statusCode()).as(ringing.body()).isEqualTo(202);
        Await.until("the outbox gives up on the call to Maja", Await.SOON, () -> "failed".equals(offerCallStatus("Maja")));

        var again = coordinator.post("/api/callbacks/" + request + "/call", "{\"leaderId\":" + maja + "}");
        assertThat(again.statusCode()).as("Maja is not held as on a call: " + again.body()).isEqualTo(202);
    }

    /** Twilio refuses to place calls to this number: 400, code 21211, a permanent refusal. */
    private void refuseCallsTo(String number) {
        twilio.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Calls\\.json"))
                .withRequestBody(WireMock.containing("To=" + URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .atPriority(1).willReturn(TwilioStubs.json(400, "error-21211.json")));
    }

    private int callsPlacedTo(String number) {
        return (int) twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH))).stream()
                .filter(r -> number.equals(FormBody.parse(r.getBodyAsString()).get("To"))).count();
    }

    /** The outbox status of the latest call that offered this leader a caller or a callback. */
    private String offerCallStatus(String leader) {
        return service.jdbi().withHandle(h -> h.createQuery("""
                        SELECT o.status FROM outbox o JOIN call_offers c ON c.outbox_id = o.id
                        WHERE c.leader_id = (SELECT id FROM leaders WHERE name = :name) ORDER BY o.id DESC LIMIT 1""")
                .bind("name", leader).mapTo(String.class).findOne().orElse(""));
    }

    private TwilioCall takenBy(String phone) {
        var call = newCall();
        call.arrive();
        var dial = call.press("1");
        assertThat(dial.text("/Response/Dial/Number")).isEqualTo(phone);
        var leg = new TwilioCall.LeaderLeg(service, newSid());
        leg.answer(dial.text("/Response/Dial/Number/@url"));
        leg.press("1");
        return call;
    }

    private long onCallNow(String name, String phone) {
        return coordinator.onCallNow(name, phone, List.of("da"));
    }

    private TwilioCall newCall() {
        return new TwilioCall(service, newSid(), CALLER);
    }

    private static String newSid() {
        return String.format("CA%032x", SIDS.incrementAndGet() + (long) (Math.random() * 1_000_000_000L));
    }
}
