package dk.hotline.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Coordinator;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twilio retries a webhook it got no answer to in time, so a retry can arrive while the first
 * request is still being answered. The caller pressing 1 must then still ring one leader, and both
 * requests get the same answer, whichever finishes first.
 */
class ConcurrentRetryTest {
    private static final String CALLER = "+4529876501";
    private static final int CALLS = 3;

    private TestService service;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        service = TestService.start("http://127.0.0.1:9");
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        service.close();
    }

    @Test
    void aRetryArrivingWhileTheFirstRequestIsAnsweredRingsNobodyTwiceAndGetsTheSameAnswer() throws Exception {
        var coordinator = new Coordinator(service);
        for (int i = 1; i <= CALLS + 1; i++) {
            coordinator.onCallNow("Leder " + i, "+452000010" + i, List.of("da"));
        }
        for (int n = 1; n <= CALLS; n++) {
            var call = new TwilioCall(service, String.format("CA%032x", 7_000 + n), CALLER);
            String action = call.arrive().text("/Response/Gather/@action");
            var form = new LinkedHashMap<>(TestService.incomingCall(call.sid(), CALLER));
            form.put("Digits", "1");

            var go = new CountDownLatch(1);
            Future<HttpResponse<String>> first = pool.submit(() -> {
                go.await();
                return service.twilio(action, form);
            });
            Future<HttpResponse<String>> retry = pool.submit(() -> {
                go.await();
                return service.twilio(action, form);
            });
            go.countDown();

            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(retry.get().statusCode()).isEqualTo(200);
            assertThat(retry.get().body()).as("call %d: the same answer", n).isEqualTo(first.get().body());
            assertThat(first.get().body()).contains("<Dial");
            int offers = service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM call_offers WHERE call_sid = :s")
                    .bind("s", call.sid()).mapTo(Integer.class).one());
            assertThat(offers).as("call %d: leaders rung", n).isEqualTo(1);
        }
    }
}
