package dk.hotline.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import dk.hotline.twilio.TwilioStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flow whose key 8 puts the caller straight into the hold queue. */
class QueueStepTest {
    @Test
    void aQueueStepHoldsTheCallerUntilAFreeLeaderIsRungForThem(@TempDir Path flows) throws IOException {
        try (var files = Files.list(Path.of("flows"))) {
            for (Path f : files.toList()) {
                Files.copy(f, flows.resolve(f.getFileName().toString()));
            }
        }
        String voice = Files.readString(flows.resolve("voice.yaml"));
        Files.writeString(flows.resolve("voice.yaml"), voice.replace("        \"9\": welcome-en\n",
                "        \"9\": welcome-en\n        \"8\": queue-da\n") + "\n  queue-da:\n    queue:\n      language: da\n");
        var twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        TwilioStubs.callCreated(twilio);
        TwilioStubs.messageCreated(twilio);
        try (var service = TestService.start(twilio.baseUrl(), env -> {
            env.put("HOTLINE_FLOWS", flows.toString());
            return env;
        }, Clock.systemUTC())) {
            var coordinator = new Coordinator(service);
            long maja = coordinator.leader("Maja", "+4520000031", List.of("da"));
            Instant now = Instant.now();
            coordinator.shift(maja, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
            var call = new TwilioCall(service, "CA000000000000000000000000000000f8", "+4529876543");
            call.arrive();

            var queued = call.press("8");
            assertThat(queued.text("/Response/Enqueue")).isEqualTo("hotline-da");
            call.waitInQueue(1, 5);

            Await.until("Maja is rung for the waiting caller", Await.SOON,
                    () -> twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH))).size() == 1);
            assertThat(call.waitInQueue(1, 400).count("/Response/Leave")).as("after maxWait").isEqualTo(1);
        } finally {
            twilio.stop();
        }
    }
}
