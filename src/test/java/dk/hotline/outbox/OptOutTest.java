package dk.hotline.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
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

/**
 * Opt-outs are checked when the outbox sends, so whatever was queued before a STOP honours it; and
 * a text that is no use late is dropped once its last moment has passed.
 */
class OptOutTest {
    private static final PhoneNumber SURVIVOR = PhoneNumber.parse("+4520123456");
    private static final PhoneNumber OTHER = PhoneNumber.parse("+4531987654");
    private static final PhoneNumber HOTLINE = PhoneNumber.parse("+4570000001");
    private static final OutboxSettings SETTINGS = new OutboxSettings(
            1000, 3, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMillis(50));

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final EncryptionKey key = EncryptionKey.generate();
    private final PersonalDataCipher cipher = new PersonalDataCipher(key);
    private final Suppressions suppressions = new Suppressions(new BlindIndex(key), clock);
    private MigratedDatabase db;
    private Outbox outbox;
    private OutboxDispatcher dispatcher;
    private SdkTwilioGateway gateway;

    @BeforeEach
    void setUp() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
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
    void aQueuedTextToANumberThatOptedOutIsCancelledWhileTheStopConfirmationIsSent() {
        long reminder = queue("reminder:1", SURVIVOR, "Vi ses i morgen kl. 17");
        long confirmation = db.jdbi().inTransaction(tx -> {
            assertThat(suppressions.optOut(tx, SURVIVOR)).isTrue();
            return outbox.stopConfirmation(tx, "SM1", SURVIVOR, "Du får ikke flere beskeder.", clock.instant())
                    .orElseThrow();
        });

        drain();

        assertThat(row(reminder)).containsEntry("status", "cancelled").containsEntry("error", "recipient opted out")
                .containsEntry("attempts", 0);
        assertThat(row(confirmation)).containsEntry("status", "sent");
        twilio.verify(1, postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH)));
        twilio.verify(1, postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH))
                .withRequestBody(containing("To=" + enc(SURVIVOR.e164())))
                .withRequestBody(containing("Body=" + enc("Du får ikke flere beskeder."))));
    }

    @Test
    void aTextQueuedAfterTheOptOutIsNotSentEitherAndOthersStillAre() {
        db.jdbi().useTransaction(tx -> suppressions.optOut(tx, SURVIVOR));
        long later = queue("followup:1", SURVIVOR, "Hej igen");
        long toOther = queue("reminder:2", OTHER, "Vi ses i morgen");

        drain();

        assertThat(row(later)).containsEntry("status", "cancelled");
        assertThat(row(toOther)).containsEntry("status", "sent");
        twilio.verify(0, postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH))
                .withRequestBody(containing("To=" + enc(SURVIVOR.e164()))));
    }

    @Test
    void aTextDueLaterIsCheckedWhenItIsDueNotWhenItWasQueued() {
        long tomorrow = db.jdbi().inTransaction(tx ->
                outbox.sms(tx, MessageKind.RELAY_OUT, "reminder:3", SURVIVOR, "Vi ses i dag", clock.instant().plus(Duration.ofDays(1))).orElseThrow());
        drain();
        db.jdbi().useTransaction(tx -> suppressions.optOut(tx, SURVIVOR));

        clock.advance(Duration.ofDays(1));
        drain();

        assertThat(row(tomorrow)).containsEntry("status", "cancelled");
        assertThat(TwilioStubs.requestCount(twilio)).isZero();
    }

    @Test
    void afterOptingInAgainANewTextIsSent() {
        db.jdbi().useTransaction(tx -> suppressions.optOut(tx, SURVIVOR));
        long whileOut = queue("reminder:4", SURVIVOR, "Vi ses");
        drain();

        boolean lifted = db.jdbi().inTransaction(tx -> suppressions.optIn(tx, SURVIVOR));
        long afterStart = queue("start:SM2", SURVIVOR, "Velkommen tilbage");
        drain();

        assertThat(lifted).isTrue();
        assertThat(row(whileOut)).as("cancelled stays cancelled").containsEntry("status", "cancelled");
        assertThat(row(afterStart)).containsEntry("status", "sent");
        twilio.verify(1, postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH))
                .withRequestBody(containing("To=" + enc(SURVIVOR.e164())))
                .withRequestBody(containing("Body=" + enc("Velkommen tilbage"))));
        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
    }

    @Test
    void optingOutAndInSayWhetherAnythingChanged() {
        db.jdbi().useTransaction(tx -> {
            assertThat(suppressions.isOptedOut(tx, SURVIVOR)).isFalse();
            assertThat(suppressions.optIn(tx, SURVIVOR)).as("nothing to lift").isFalse();
            assertThat(suppressions.optOut(tx, SURVIVOR)).isTrue();
            assertThat(suppressions.optOut(tx, SURVIVOR)).as("a second STOP changes nothing").isFalse();
            assertThat(suppressions.isOptedOut(tx, SURVIVOR)).isTrue();
            assertThat(suppressions.isOptedOut(tx, OTHER)).isFalse();
            assertThat(suppressions.optIn(tx, SURVIVOR)).isTrue();
            assertThat(suppressions.isOptedOut(tx, SURVIVOR)).isFalse();
        });
    }

    @Test
    void aLongBacklogOfTextsToAnOptedOutNumberIsNeverSentAndAllEndCancelled() {
        db.jdbi().useTransaction(tx -> suppressions.optOut(tx, SURVIVOR));
        int many = OutboxDispatcher.OPT_OUT_WINDOW * 2 + 7;
        for (int i = 0; i < many; i++) {
            queue("backlog:" + i, SURVIVOR, "Hej " + i);
        }
        long toOther = queue("backlog:other", OTHER, "Hej");

        // Each round cancels what it finds among the next rows due, a window at a time.
        for (int round = 0; round <= many / OutboxDispatcher.OPT_OUT_WINDOW + 1; round++) {
            dispatcher.dispatchOnce();
        }

        assertThat(row(toOther)).containsEntry("status", "sent");
        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
        int cancelled = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE status = 'cancelled'")
                .mapTo(Integer.class).one());
        assertThat(cancelled).isEqualTo(many);
    }

    @Test
    void aCallIsNotStoppedByATextOptOut() {
        TwilioStubs.callCreated(twilio);
        db.jdbi().useTransaction(tx -> suppressions.optOut(tx, SURVIVOR));
        long call = db.jdbi().inTransaction(tx ->
                outbox.call(tx, MessageKind.CALLBACK_OFFER, "callback:1", SURVIVOR, "/twilio/voice/callback/1", clock.instant()).orElseThrow());

        drain();

        assertThat(row(call)).as("the person asked for this call").containsEntry("status", "sent");
    }

    /** Dispatch rounds until nothing more is due now. */
    @Test
    void aTextStillPendingAtItsLastMomentIsCancelledNotSentLate() {
        long late = db.jdbi().inTransaction(tx -> outbox.sms(tx, MessageKind.RELAY_OUT, "reminder:late", SURVIVOR, "Påmindelse: i dag kl. 17.00.",
                clock.instant(), clock.instant().plus(Duration.ofMinutes(10))).orElseThrow());
        long onTime = db.jdbi().inTransaction(tx -> outbox.sms(tx, MessageKind.RELAY_OUT, "reminder:on-time", OTHER, "Påmindelse: i dag kl. 17.00.",
                clock.instant(), clock.instant().plus(Duration.ofMinutes(30))).orElseThrow());

        // Held up (downtime, retries) until after the first one's last moment.
        clock.advance(Duration.ofMinutes(10));
        drain();

        assertThat(row(late)).containsEntry("status", "cancelled").containsEntry("error", "too late");
        assertThat(row(onTime)).containsEntry("status", "sent");
        assertThat(twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH)))).hasSize(1);
    }

    private void drain() {
        while (dispatcher.dispatchOnce() > 0) {
            // next round
        }
    }

    private long queue(String key, PhoneNumber to, String body) {
        return db.jdbi().inTransaction(tx -> outbox.sms(tx, MessageKind.RELAY_OUT, key, to, body, clock.instant()).orElseThrow());
    }

    private Map<String, Object> row(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT status, attempts, error FROM outbox WHERE id = :id")
                .bind("id", id).mapToMap().one());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
