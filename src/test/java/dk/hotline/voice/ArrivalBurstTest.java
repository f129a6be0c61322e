package dk.hotline.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.Twiml;
import dk.hotline.twilio.Webhook;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls that come in together share a commit ({@link Arrivals}). In a burst, with Twilio retrying
 * some calls while their first request is still being answered, every call must be recorded once,
 * every request must get the menu, and every caller who was waiting for a follow-up has it
 * cancelled, and no one else.
 */
class ArrivalBurstTest {
    private static final int CALLERS = 24;
    private static final int THREADS = 16;
    private static final BlindIndex INDEX = new BlindIndex(EncryptionKey.fromBase64(TestConfig.ENCRYPTION_KEY));

    private TestService service;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        service = TestService.start("http://127.0.0.1:9");
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        service.close();
    }

    @Test
    void aBurstOfCallsWithRetriesRecordsEachCallOnceAndCancelsTheirCallersFollowups() throws Exception {
        for (int i = 0; i < CALLERS; i++) {
            pendingFollowup(caller(i));
        }
        String bystander = "+4535990000";
        pendingFollowup(bystander);

        var go = new CountDownLatch(1);
        var answers = new ArrayList<Future<HttpResponse<String>>>();
        for (int i = 0; i < CALLERS; i++) {
            // Each caller calls twice; each call's first step comes twice (Twilio's retry), all at once.
            for (int call = 0; call < 2; call++) {
                var form = TestService.incomingCall(String.format("CA%032x", 0xB0000 + i * 2 + call), caller(i));
                for (int attempt = 0; attempt < 2; attempt++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return service.twilio(Webhook.VOICE.path(), form);
                    }));
                }
            }
        }
        go.countDown();

        for (var answer : answers) {
            var response = answer.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Twiml.parse(response.body()).text("/Response/Redirect")).isEqualTo(Webhook.STEP.url("menu-da"));
        }
        assertThat(count("SELECT count(*) FROM calls WHERE call_sid LIKE 'CA%' AND status = 'arrived'"))
                .as("one row per call").isEqualTo(CALLERS * 2);
        assertThat(count("SELECT count(DISTINCT call_sid) FROM calls")).isEqualTo(CALLERS * 2);
        assertThat(count("SELECT count(*) FROM followups WHERE status = 'cancelled' AND reason = 'contact:call'"))
                .as("every caller's follow-up cancelled").isEqualTo(CALLERS);
        assertThat(count("SELECT count(*) FROM followups WHERE status = 'pending'")).as("the bystander's stays").isEqualTo(1);
        byte[] stillPending = service.jdbi().withHandle(h -> h.createQuery("SELECT phone_index FROM followups WHERE status = 'pending'")
                .mapTo(byte[].class).one());
        assertThat(stillPending).isEqualTo(INDEX.of(PhoneNumber.parse(bystander)));
    }

    @Test
    void aCallWithAWithheldNumberInABurstIsRecordedWithoutACaller() throws Exception {
        var go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            var form = TestService.incomingCall(String.format("CA%032x", 0xC0000 + i), i % 2 == 0 ? caller(i) : "anonymous");
            answers.add(pool.submit(() -> {
                go.await();
                return service.twilio(Webhook.VOICE.path(), form);
            }));
        }
        go.countDown();

        for (var answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
        }
        assertThat(count("SELECT count(*) FROM calls WHERE caller_sealed IS NULL AND caller_index IS NULL"))
                .isEqualTo(THREADS / 2);
        assertThat(count("SELECT count(*) FROM calls WHERE caller_sealed IS NOT NULL")).isEqualTo(THREADS / 2);
    }

    private static String caller(int i) {
        return String.format("+45351%05d", i);
    }

    private void pendingFollowup(String number) {
        var phone = PhoneNumber.parse(number);
        Instant earlier = Instant.now().minusSeconds(3600);
        service.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO followups (request_key, phone_index, language, source, due_at, created_at)
                        VALUES (:key, :index, 'da', 'call', :due, :created)""")
                .bindMap(Map.of("key", "test:" + number, "index", INDEX.of(phone), "due", earlier.plusSeconds(86_400 * 2),
                        "created", earlier))
                .execute());
    }

    private int count(String sql) {
        return service.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
