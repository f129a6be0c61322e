package dk.hotline.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.app.HotlineConfig;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.MutableClock;
import dk.hotline.twilio.SdkTwilioGateway;
import dk.hotline.twilio.TwilioStubs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {
    private static final PhoneNumber SURVIVOR = PhoneNumber.parse("+4520123456");
    private static final PhoneNumber HOTLINE = PhoneNumber.parse("+4570000001");
    private static final HotlineConfig.Outbox SETTINGS = new HotlineConfig.Outbox(
            10, 3, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMillis(50));

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final EncryptionKey key = EncryptionKey.generate();
    private final PersonalDataCipher cipher = new PersonalDataCipher(key);
    private MigratedDatabase db;
    private Outbox outbox;
    private OutboxDispatcher dispatcher;
    private SdkTwilioGateway gateway;

    @BeforeEach
    void setUp() {
        twilio.start();
        db = new MigratedDatabase();
        outbox = new Outbox(cipher, new BlindIndex(key), clock);
        gateway = new SdkTwilioGateway(TwilioStubs.ACCOUNT_SID, TwilioStubs.AUTH_TOKEN, URI.create(twilio.baseUrl()));
        dispatcher = new OutboxDispatcher(db.jdbi(), gateway, cipher, HOTLINE,
                URI.create("https://hotline.example.org"), SETTINGS, clock, new SimpleMeterRegistry());
    }

    @AfterEach
    void tearDown() {
        dispatcher.close();
        gateway.close();
        db.close();
        twilio.stop();
    }

    @Test
    void queuedTextBecomesExactlyOneTwilioMessageRequest() {
        TwilioStubs.messageCreated(twilio);
        long id = queue("reminder:1", "Hej! Vi ses i morgen kl. 17 🙂 — æøå");

        dispatcher.dispatchOnce();
        dispatcher.dispatchOnce();

        twilio.verify(1, postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(TwilioStubs.ACCOUNT_SID, TwilioStubs.AUTH_TOKEN))
                .withRequestBody(containing("To=" + enc(SURVIVOR.e164())))
                .withRequestBody(containing("From=" + enc(HOTLINE.e164())))
                .withRequestBody(containing("Body=" + enc("Hej! Vi ses i morgen kl. 17 🙂 — æøå")))
                .withRequestBody(containing("StatusCallback=" + enc("https://hotline.example.org/twilio/sms/status?outbox=" + id))));
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("delivery_status", "queued");
        assertThat((String) row(id).get("twilio_sid")).startsWith("SM");
    }

    @Test
    void serverErrorIsRetriedAfterBackoffAndThenSentOnce() {
        TwilioStubs.messageFailsOnceThenCreated(twilio, 500, "error-20500.json");
        long id = queue("reminder:2", "Hej");

        dispatcher.dispatchOnce();
        assertThat(row(id)).containsEntry("status", "pending").containsEntry("error_code", 20500);
        dispatcher.dispatchOnce();
        assertThat(TwilioStubs.requestCount(twilio)).as("not before the backoff").isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));
        dispatcher.dispatchOnce();
        dispatcher.dispatchOnce();

        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(2);
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("attempts", 2);
    }

    @Test
    void unsubscribedRecipientIsMarkedFailedAndNeverRetried() {
        TwilioStubs.messageUnsubscribed(twilio);
        long id = queue("reminder:3", "Hej");

        dispatcher.dispatchOnce();
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchOnce();

        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "failed").containsEntry("error_code", 21610);
        assertThat((String) row(id).get("error")).doesNotContain("20123456");
    }

    @Test
    void temporaryFailuresStopAfterMaxAttempts() {
        TwilioStubs.messageRateLimited(twilio);
        long id = queue("reminder:4", "Hej");

        for (int i = 0; i < 6; i++) {
            dispatcher.dispatchOnce();
            clock.advance(Duration.ofMinutes(11));
        }

        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(SETTINGS.maxAttempts());
        assertThat(row(id)).containsEntry("status", "failed").containsEntry("error_code", 20429);
    }

    @Test
    void textIsNotSentBeforeItsTime() {
        TwilioStubs.messageCreated(twilio);
        long id = db.jdbi().inTransaction(tx ->
                outbox.sms(tx, "later", SURVIVOR, "Hej", clock.instant().plus(Duration.ofHours(2))).orElseThrow());

        dispatcher.dispatchOnce();
        assertThat(TwilioStubs.requestCount(twilio)).isZero();

        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchOnce();
        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "sent");
    }

    @Test
    void sameDedupeKeyQueuesOnce() {
        var first = db.jdbi().inTransaction(tx -> outbox.sms(tx, "reminder:5", SURVIVOR, "Hej", clock.instant()));
        var second = db.jdbi().inTransaction(tx -> outbox.sms(tx, "reminder:5", SURVIVOR, "Hej", clock.instant()));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
    }

    @Test
    void rowsAreNotWrittenWhenTheCallersTransactionRollsBack() {
        try {
            db.jdbi().useTransaction(tx -> {
                outbox.sms(tx, "rolled-back", SURVIVOR, "Hej", clock.instant());
                throw new IllegalStateException("the feature's own write failed");
            });
        } catch (IllegalStateException expected) {
            // the point of the test
        }
        int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox").mapTo(Integer.class).one());
        assertThat(rows).isZero();
    }

    @Test
    void rateLimitCapsTextsPerSecondAcrossRounds() {
        TwilioStubs.messageCreated(twilio);
        for (int i = 0; i < 25; i++) {
            queue("burst:" + i, "Hej " + i);
        }

        int first = dispatcher.dispatchOnce();
        int sameSecond = dispatcher.dispatchOnce();
        clock.advance(Duration.ofMillis(1001));
        int nextSecond = dispatcher.dispatchOnce();

        assertThat(first).isEqualTo(10);
        assertThat(sameSecond).isZero();
        assertThat(nextSecond).isEqualTo(10);
    }

    @Test
    void callIsPlacedWithItsTwimlUrlAndStatusCallback() {
        TwilioStubs.callCreated(twilio);
        long id = db.jdbi().inTransaction(tx ->
                outbox.call(tx, "callback:1", SURVIVOR, "/twilio/voice/callback/1", clock.instant()).orElseThrow());

        dispatcher.dispatchOnce();

        twilio.verify(1, postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH))
                .withRequestBody(containing("To=" + enc(SURVIVOR.e164())))
                .withRequestBody(containing("From=" + enc(HOTLINE.e164())))
                .withRequestBody(containing("Url=" + enc("https://hotline.example.org/twilio/voice/callback/1")))
                .withRequestBody(containing("StatusCallback=" + enc("https://hotline.example.org/twilio/voice/status?outbox=" + id))));
        assertThat(row(id)).containsEntry("status", "sent");
    }

    private long queue(String key, String body) {
        return db.jdbi().inTransaction(tx -> outbox.sms(tx, key, SURVIVOR, body, clock.instant()).orElseThrow());
    }

    private Map<String, Object> row(long id) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT status, attempts, twilio_sid, delivery_status, error_code, error FROM outbox WHERE id = :id")
                .bind("id", id).mapToMap().one());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
