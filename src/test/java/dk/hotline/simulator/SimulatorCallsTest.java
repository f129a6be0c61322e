package dk.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.PageSession;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the simulator must let a coordinator see, through the real webhooks: sequential ringing
 * that moves on when a leader lets it ring out, screening that keeps a pressed 2 (or a voicemail)
 * from taking the call, simultaneous ringing where the first to press 1 wins, the hold queue
 * served by the first leader to become free, the fallback chain out of hours, texts with keywords,
 * and who may use it at all.
 */
class SimulatorCallsTest {
    private TestService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void sequentialRingingMovesOnWhenALeaderLetsItRingOutAndScreeningNeedsA1() {
        var sim = start(env -> env, 2);
        String caller = sim.addCaller("+4521000101");
        askForALeader(sim, caller);
        sim.await(caller, "dialing");
        var ringing = leadersIn(sim, "ringing");
        assertThat(ringing).as("sequential: one leader at a time").hasSize(1);
        String first = ringing.get(0);

        sim.act(first, "skip");
        assertThat(sim.call(first).path("endedAs").asText()).isEqualTo("no-answer");
        Await.until("the next leader rings", Await.SOON, () -> leadersIn(sim, "ringing").size() == 1
                && !leadersIn(sim, "ringing").get(0).equals(first));
        String second = leadersIn(sim, "ringing").get(0);

        sim.act(second, "answer");
        sim.await(second, "keys");
        assertThat(sim.heard(second)).contains("Tryk 1 for at tage opkaldet").contains("dansk");
        sim.press(second, "2");
        assertThat(sim.stateOf(second)).as("a 2 is no 1: the leg hangs up").isEqualTo("ended");
        assertThat(sim.stateOf(caller)).isNotEqualTo("connected");

        sim.act(caller, "hangup");
        assertThat(leadersIn(sim, "ringing")).isEmpty();
        assertThat(sim.timeline()).last().satisfies(last -> {
            assertThat(last.path("path").asText()).isEqualTo("/twilio/voice/status");
            assertThat(last.path("form").path("CallStatus").asText()).isEqualTo("completed");
        });
    }

    @Test
    void aQueuedCallerIsPutThroughToTheFirstLeaderWhoBecomesFree() {
        var sim = start(env -> env, 2);
        String first = sim.addCaller("+4521000201");
        String firstLeader = connect(sim, first);
        String second = sim.addCaller("+4521000202");
        connect(sim, second);

        String third = sim.addCaller("+4521000203");
        askForALeader(sim, third);
        sim.await(third, "queued");
        assertThat(sim.call(third).path("queuePosition").asInt()).isEqualTo(1);
        assertThat(sim.heard(third)).contains("Du er nummer 1 i køen");

        sim.act(firstLeader, "hangup");
        assertThat(sim.stateOf(first)).as("the first caller is offered a follow-up").isEqualTo("keys");
        // The wait music ends (skipped here) and Twilio asks the wait URL again: once the leader's
        // wrap-up is over, the service rings them for the caller at the head of the queue.
        Await.until("the freed leader is rung for the queue", Await.SOON, () -> {
            if ("ringing".equals(sim.stateOf(firstLeader))) {
                return true;
            }
            sim.act(third, "skip");
            return false;
        });
        assertThat(sim.call(firstLeader).path("direction").asText()).as("an outbound call from the outbox").isEqualTo("out");
        sim.act(firstLeader, "answer");
        sim.await(firstLeader, "keys");
        sim.press(firstLeader, "1");
        sim.await(third, "connected");
        assertThat(sim.call(third).path("with").asText()).isEqualTo(firstLeader);
        assertThat(sim.timeline()).extracting(e -> e.path("path").asText().replaceAll("\\?.*", ""))
                .contains("/twilio/voice/queue/connect", "/twilio/voice/queue/connect/answer", "/twilio/voice/queue/bridged");

        sim.act(firstLeader, "hangup");
        assertThat(sim.stateOf(third)).as("after the talk: the follow-up offer").isEqualTo("keys");
        assertThat(sim.timeline()).anySatisfy(e -> {
            assertThat(e.path("path").asText()).startsWith("/twilio/voice/status?outbox=");
            assertThat(e.path("form").path("CallStatus").asText()).isEqualTo("completed");
        });
    }

    @Test
    void simultaneousRingingStopsTheOtherPhoneWhenOneLeaderPresses1() {
        var sim = start(env -> {
            env.put("HOTLINE_ROUTING_STRATEGY", "simultaneous");
            return env;
        }, 2);
        String caller = sim.addCaller("+4521000301");
        askForALeader(sim, caller);
        var ringing = leadersIn(sim, "ringing");
        assertThat(ringing).hasSize(2);

        sim.act(ringing.get(1), "answer");
        sim.press(ringing.get(1), "1");
        assertThat(sim.stateOf(caller)).isEqualTo("connected");
        assertThat(sim.call(ringing.get(0)).path("endedAs").asText()).isEqualTo("canceled");
    }

    @Test
    void outOfHoursTheFallbackChainOffersACallbackButNotToAHiddenNumber() {
        var sim = start(env -> env, 0);
        String caller = sim.addCaller("+4521000401");
        askForALeader(sim, caller);
        assertThat(sim.heard(caller)).contains("Lige nu kan ingen tage telefonen").contains("Tryk 1, hvis det er sikkert");
        sim.press(caller, "1");
        assertThat(sim.heard(caller)).contains("Hvornår passer det bedst?");
        sim.press(caller, "3");
        assertThat(sim.heard(caller)).contains("En gruppeleder ringer dig op");

        String hidden = sim.addCaller("");
        assertThat(sim.phone(hidden).path("number").asText()).isEmpty();
        sim.act(hidden, "call");
        sim.await(hidden, "keys");
        sim.press(hidden, "3");
        assertThat(sim.heard(hidden)).contains("Vi kan ikke se dit nummer");
        assertThat(sim.timeline()).anySatisfy(e -> assertThat(e.path("form").path("From").asText()).isEqualTo("anonymous"));
    }

    @Test
    void keywordsAnswerOnTheTextersPhoneAndAHiddenNumberCannotText() {
        var sim = start(env -> env, 0);
        String texter = sim.addCaller("+4521000501");
        sim.text(texter, "HJÆLP");
        Await.until("the help text arrives", Await.SOON, () -> sim.texts(texter).size() == 2);
        assertThat(sim.texts(texter).get(1)).isEqualTo(service.text("da", "smsHelp"));
        sim.text(texter, "STOP");
        Await.until("the opt-out is confirmed", Await.SOON, () -> sim.texts(texter).size() == 4);
        assertThat(sim.texts(texter).get(3)).isEqualTo(service.text("da", "smsStopConfirm"));

        String hidden = sim.addCaller("");
        var refused = sim.request(hidden, "texts", Map.of("body", "Hej"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("skjuler");
        var badNumber = sim.request("caller-99", "call", Map.of());
        assertThat(badNumber.statusCode()).isEqualTo(400);
    }

    @Test
    void onlyCoordinatorsAndNeverWithTwilioCredentials() {
        service = TestService.start("http://127.0.0.1:9");
        var coordinator = new Coordinator(service);
        long leader = coordinator.leader("Lea", "+4520000599");
        coordinator.leaderAccount(leader, "lea@example.org", "lea-password-1234");
        var asLeader = PageSession.signIn(service, "lea@example.org", "lea-password-1234");
        assertThat(asLeader.get("/simulator").statusCode()).isEqualTo(403);
        assertThat(asLeader.get("/simulator/state").statusCode()).isEqualTo(403);

        var asCoordinator = PageSession.signIn(service, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        var page = asCoordinator.get("/simulator");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Twilio-adgangsoplysninger").doesNotContain("simulator.js");
        assertThat(asCoordinator.get("/simulator/state").statusCode()).isEqualTo(404);
        assertThat(page.body()).as("no menu entry for a simulator that is off").doesNotContain("href=\"/simulator\"");
    }

    /** A caller rings, presses 1, and the leader rung answers and presses 1; answers the leader's phone. */
    private static String connect(SimulatorClient sim, String caller) {
        askForALeader(sim, caller);
        sim.await(caller, "dialing");
        String leader = leadersIn(sim, "ringing").get(0);
        sim.act(leader, "answer");
        sim.press(leader, "1");
        sim.await(caller, "connected");
        return leader;
    }

    /** The caller rings the hotline and presses 1 in the menu: a group leader now. */
    private static void askForALeader(SimulatorClient sim, String caller) {
        sim.act(caller, "call");
        sim.await(caller, "keys");
        sim.press(caller, "1");
    }

    private static List<String> leadersIn(SimulatorClient sim, String state) {
        var ids = new ArrayList<String>();
        for (JsonNode phone : sim.state().path("phones")) {
            if ("leader".equals(phone.path("kind").asText()) && state.equals(phone.path("call").path("state").asText())) {
                ids.add(phone.path("id").asText());
            }
        }
        return ids;
    }

    /** A dry-run service with the simulator, and {@code leaders} Danish leaders on call for the next hours. */
    private SimulatorClient start(UnaryOperator<Map<String, String>> adjust, int leaders) {
        service = TestService.start("http://127.0.0.1:9", env -> {
            env.remove("TWILIO_ACCOUNT_SID");
            env.remove("TWILIO_AUTH_TOKEN");
            env.put("HOTLINE_OUTBOX_POLL_INTERVAL", "PT0.2S");
            env.put("HOTLINE_ROUTING_WRAP_UP", "PT1S");
            return adjust.apply(env);
        }, Clock.systemUTC());
        var coordinator = new Coordinator(service);
        for (int i = 1; i <= leaders; i++) {
            long id = coordinator.leader("Leder " + i, "+452000070" + i);
            coordinator.shift(id, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(3)));
        }
        return new SimulatorClient(service);
    }
}
