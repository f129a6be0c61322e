package dk.hotline.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.Await;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.twilio.TwilioStubs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dk.hotline.twilio.Webhook;

/** The running service sends outbox rows by itself and keeps Twilio's delivery reports in order. */
class DeliveryCallbackTest {
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static TestService service;
    private static Outbox outbox;

    @BeforeAll
    static void start() {
        twilio.start();
        service = TestService.start(twilio.baseUrl());
        var key = EncryptionKey.fromBase64(TestConfig.ENCRYPTION_KEY);
        outbox = new Outbox(new PersonalDataCipher(key), new BlindIndex(key), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        service.close();
        twilio.stop();
    }

    @BeforeEach
    void reset() {
        twilio.resetAll();
    }

    @Test
    void runningServiceSendsAQueuedTextOnceThroughTwilio() {
        TwilioStubs.messageCreated(twilio);
        long id = queueDueNow("e2e:1");

        Await.until("the row is sent", Await.SOON, () -> "sent".equals(status(id).get("status")));

        twilio.verify(1, postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH)));
    }

    @Test
    void runningServiceRetriesA500AndMarksTheTextSent() {
        TwilioStubs.messageFailsOnceThenCreated(twilio, 500, "error-20500.json");
        long id = queueDueNow("e2e:2");

        Await.until("the row is sent", Await.SOON, () -> "sent".equals(status(id).get("status")));

        twilio.verify(2, postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH)));
    }

    @Test
    void lateSentCallbackDoesNotUndoDelivered() {
        TwilioStubs.messageCreated(twilio);
        long id = queueDueNow("e2e:3");
        Await.until("the row is sent", Await.SOON, () -> "sent".equals(status(id).get("status")));
        String sid = (String) status(id).get("twilio_sid");

        assertThat(callback(sid, id, "delivered").statusCode()).isEqualTo(204);
        assertThat(callback(sid, id, "sent").statusCode()).isEqualTo(204);

        assertThat(status(id)).containsEntry("delivery_status", "delivered");
    }

    @Test
    void callbackSettlesARowWhoseSenderDiedBeforeRecordingTheSid() {
        long id = queueForTomorrow("e2e:4");
        // As if an instance claimed the row, Twilio accepted it, and the instance died before recording.
        service.jdbi().useHandle(h -> h.createUpdate(
                "UPDATE outbox SET status = 'sending', claimed_at = now(), attempts = 1 WHERE id = :id").bind("id", id).execute());

        callback("SM0000000000000000000000000000abcd", id, "sent");

        assertThat(status(id)).containsEntry("status", "sent")
                .containsEntry("twilio_sid", "SM0000000000000000000000000000abcd")
                .containsEntry("delivery_status", "sent");
    }

    @Test
    void unsignedCallbackChangesNothing() {
        long id = queueForTomorrow("e2e:5");
        service.jdbi().useHandle(h -> h.createUpdate("UPDATE outbox SET status = 'sending', claimed_at = now() WHERE id = :id")
                .bind("id", id).execute());

        var response = service.postForm(Webhook.SMS_STATUS.url(id),
                Map.of("MessageSid", "SM0000000000000000000000000000beef", "MessageStatus", "delivered"), Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(status(id)).containsEntry("status", "sending");
    }

    /** A text due now: the running dispatcher picks it up. */
    private static long queueDueNow(String key) {
        return queue(key, Clock.systemUTC().instant());
    }

    /** A text due tomorrow, so the running dispatcher leaves it alone while a test stages it by hand. */
    private static long queueForTomorrow(String key) {
        return queue(key, Clock.systemUTC().instant().plus(Duration.ofDays(1)));
    }

    private static long queue(String key, Instant when) {
        return service.jdbi().inTransaction(tx ->
                outbox.sms(tx, MessageKind.RELAY_OUT, key, numberFor(key), "Hej", when).orElseThrow());
    }

    private static java.net.http.HttpResponse<String> callback(String sid, long id, String status) {
        return service.twilio(Webhook.SMS_STATUS.url(id), Map.of(
                "AccountSid", TestConfig.ACCOUNT_SID, "MessageSid", sid, "SmsSid", sid, "MessageStatus", status,
                "SmsStatus", status, "To", "+4520123456", "From", TestConfig.HOTLINE_NUMBER));
    }

    private static Map<String, Object> status(long id) {
        return service.jdbi().withHandle(h -> h.createQuery(
                "SELECT status, twilio_sid, delivery_status FROM outbox WHERE id = :id").bind("id", id).mapToMap().one());
    }

    /** Each test its own recipient: a staged unsent row would hold back later texts to the same number. */
    private static PhoneNumber numberFor(String key) {
        return PhoneNumber.parse(String.format("+452%07d", Math.floorMod(key.hashCode(), 10_000_000)));
    }
}
