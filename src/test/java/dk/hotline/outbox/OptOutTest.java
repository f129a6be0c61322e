package dk.hotline.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dk.hotline.outbox.DispatcherFixture.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.MutableClock;
import dk.hotline.twilio.TwilioStubs;
import dk.hotline.twilio.Webhook;
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
    private static final OutboxSettings SETTINGS = new OutboxSettings(
            1000, 3, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMillis(50));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private DispatcherFixture fixture;
    private WireMockServer twilio;
    private Outbox outbox;
    private Suppressions suppressions;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        fixture = new DispatcherFixture(clock);
        twilio = fixture.twilio();
        TwilioStubs.messageCreated(twilio);
        outbox = fixture.outbox();
        suppressions = new Suppressions(new PersonalDataCipher(fixture.key()), new BlindIndex(fixture.key()), clock);
        dispatcher = fixture.dispatcher(SETTINGS);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aQueuedTextToANumberThatOptedOutIsCancelledWhileTheStopConfirmationIsSent() {
        long reminder = queue("reminder:1", SURVIVOR, "Vi ses i morgen kl. 17");
        long confirmation = fixture.jdbi().inTransaction(tx -> {
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
        fixture.jdbi().useTransaction(tx -> suppressions.optOut(tx, SURVIVOR));
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
        long tomorrow = fixture.jdbi().inTransaction(tx ->
                outbox.sms(tx, MessageKind.RELAY_OUT, "reminder:3", SURVIVOR, "Vi ses i dag", clock.instant().plus(Duration.ofDays(1))).orElseThrow());
        drain();
        fixture.jdbi().useTransaction(tx -> suppressions.optOut(tx, SURVIVOR));

        clock.advance(Duration.ofDays(1));
        drain();

        assertThat(row(tomorrow)).containsEntry("status", "cancelled");
        assertThat(TwilioStubs.requestCount(twilio)).isZero();
    }

    @Test
    void afterOptingInAgainANewTextIsSent() {
        fixture.jdbi().useTransaction(tx -> suppressions.optOut(tx, SURVIVOR));
        long whileOut = queue("reminder:4", SURVIVOR, "Vi ses");
        drain();

        boolean lifted = fixture.jdbi().inTransaction(tx -> suppressions.optIn(tx, SURVIVOR));
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
        fixture.jdbi().useTransaction(tx -> {
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
        fixture.jdbi().useTransaction(tx -> suppressions.optOut(tx, SURVIVOR));
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
        int cancelled = fixture.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE status = 'cancelled'")
                .mapTo(Integer.class).one());
        assertThat(cancelled).isEqualTo(many);
    }

    @Test
    void aCallIsNotStoppedByATextOptOut() {
        TwilioStubs.callCreated(twilio);
        fixture.jdbi().useTransaction(tx -> suppressions.optOut(tx, SURVIVOR));
        long call = fixture.jdbi().inTransaction(tx ->
                outbox.call(tx, MessageKind.CALLBACK_OFFER, "callback:1", SURVIVOR, Webhook.CALLBACK_LEADER.url(1), clock.instant()).orElseThrow());

        drain();

        assertThat(row(call)).as("the person asked for this call").containsEntry("status", "sent");
    }

    /** Dispatch rounds until nothing more is due now. */
    @Test
    void aTextStillPendingAtItsLastMomentIsCancelledNotSentLate() {
        long late = fixture.jdbi().inTransaction(tx -> outbox.sms(tx, MessageKind.RELAY_OUT, "reminder:late", SURVIVOR, "Påmindelse: i dag kl. 17.00.",
                clock.instant(), clock.instant().plus(Duration.ofMinutes(10))).orElseThrow());
        long onTime = fixture.jdbi().inTransaction(tx -> outbox.sms(tx, MessageKind.RELAY_OUT, "reminder:on-time", OTHER, "Påmindelse: i dag kl. 17.00.",
                clock.instant(), clock.instant().plus(Duration.ofMinutes(30))).orElseThrow());

        // Held up (downtime, retries) until after the first one's last moment.
        clock.advance(Duration.ofMinutes(10));
        drain();

        assertThat(row(late)).containsEntry("status", "cancelled").containsEntry("error", "too late");
        assertThat(row(onTime)).containsEntry("status", "sent");
        assertThat(twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH)))).hasSize(1);
    }

    private void drain() {
        DispatcherFixture.drain(dispatcher);
    }

    private long queue(String key, PhoneNumber to, String body) {
        return fixture.queue(key, to, body);
    }

    private Map<String, Object> row(long id) {
        return fixture.row(id);
    }
}
