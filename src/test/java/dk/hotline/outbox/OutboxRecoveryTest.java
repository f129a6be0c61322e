package dk.hotline.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.LogCapture;
import dk.hotline.testing.MutableClock;
import dk.hotline.twilio.MessageJournal;
import dk.hotline.twilio.OutboundSms;
import dk.hotline.twilio.SdkTwilioGateway;
import dk.hotline.twilio.TwilioStubs;
import dk.hotline.twilio.Webhook;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A row whose earlier attempt may have reached Twilio without our learning it (the sender died
 * mid-send, or no answer came) is looked up at Twilio before it is sent again, and sent only when
 * Twilio has no such text. WireMock plays Twilio, remembering the texts it took.
 */
class OutboxRecoveryTest {
    private static final PhoneNumber SURVIVOR = PhoneNumber.parse("+4520123456");
    private static final PhoneNumber HOTLINE = DispatcherFixture.HOTLINE;
    private static final String BODY = "Hej! Vi ses i morgen kl. 17";
    private static final OutboxSettings SETTINGS = new OutboxSettings(
            10, 3, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMillis(50));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final MessageJournal journal = new MessageJournal(clock);
    private final WireMockServer twilio = TwilioStubs.withJournal(journal);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private DispatcherFixture fixture;
    private Outbox outbox;
    private SdkTwilioGateway gateway;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        fixture = new DispatcherFixture(twilio, clock, EncryptionKey.generate());
        outbox = fixture.outbox();
        gateway = fixture.gateway();
        dispatcher = fixture.dispatcher(gateway, SETTINGS, metrics);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void textTwilioTookBeforeItsSenderDiedIsRecordedAndNotSentAgain() {
        TwilioStubs.messagesInJournal(twilio);
        long id = queue("died:1", BODY);
        claimedBySenderThatDies(id);
        String sid = gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, BODY, null)).sid();
        clock.advance(SETTINGS.claimTimeout().plusSeconds(1));

        try (var logs = new LogCapture()) {
            dispatcher.dispatchOnce();

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                    .contains("event=outbox.recovered").contains("id=" + id).contains("sid=" + sid));
            assertThat(logs.lines()).allSatisfy(line -> assertThat(line).doesNotContain("20123456").doesNotContain("Vi ses"));
        }
        assertThat(posts()).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("twilio_sid", sid);
        assertThat(metrics.counter("hotline_outbox_recovered_total", "kind", "sms").count()).isEqualTo(1.0);
    }

    @Test
    void textWhoseSenderDiedBeforeTwilioGotItIsSentOnce() {
        TwilioStubs.messagesInJournal(twilio);
        long id = queue("died:2", BODY);
        claimedBySenderThatDies(id);
        clock.advance(SETTINGS.claimTimeout().plusSeconds(1));

        dispatcher.dispatchOnce();

        assertThat(lookups()).isEqualTo(1);
        assertThat(posts()).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("twilio_sid", journal.sids().get(0));
    }

    @Test
    void textWhoseSendGotNoAnswerIsFoundByTheRetryAndNotSentAgain() {
        TwilioStubs.messagesInJournalWithoutAnswer(twilio);
        long id = queue("no-answer:1", BODY);

        dispatcher.dispatchOnce();
        assertThat(row(id)).containsEntry("status", "pending").containsEntry("twilio_sid", null);
        assertThat(outcomeUnknownSince(id)).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        clock.advance(SETTINGS.claimTimeout());
        dispatcher.dispatchOnce();

        assertThat(posts()).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("attempts", 2)
                .containsEntry("twilio_sid", journal.sids().get(0));
    }

    @Test
    void failedLookupSendsNothingAndTheRowIsTriedAgainLater() {
        TwilioStubs.messagesInJournal(twilio);
        TwilioStubs.messageListFails(twilio, 500, "error-20500.json");
        long id = queue("lookup-fails:1", BODY);
        claimedBySenderThatDies(id);
        clock.advance(SETTINGS.claimTimeout().plusSeconds(1));

        dispatcher.dispatchOnce();
        dispatcher.dispatchOnce();

        assertThat(posts()).as("a late text is better than a double one").isZero();
        assertThat(lookups()).as("not again before the backoff").isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "pending").containsEntry("error_code", 20500);

        TwilioStubs.messageListFromJournal(twilio);
        clock.advance(SETTINGS.claimTimeout());
        dispatcher.dispatchOnce();

        assertThat(lookups()).isEqualTo(2);
        assertThat(posts()).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "sent");
    }

    @Test
    void ordinaryTextIsOneRequestWithNoLookup() {
        TwilioStubs.messagesInJournal(twilio);
        long id = queue("ordinary:1", BODY);

        dispatcher.dispatchOnce();

        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
        assertThat(posts()).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "sent");
        assertThat(outcomeUnknownSince(id)).isNull();
    }

    @Test
    void sameWordsSentByAnEarlierRowAreNotTakenForThisRowsText() {
        TwilioStubs.messagesInJournal(twilio);
        long first = queue("same-words:1", "OK");
        long second = queue("same-words:2", "OK");
        dispatcher.dispatchOnce();
        clock.advance(Duration.ofSeconds(10));
        claimedBySenderThatDies(second);
        clock.advance(SETTINGS.claimTimeout().plusSeconds(1));

        dispatcher.dispatchOnce();

        // Twilio lists the first row's "OK", created within the look-up's reach; it is not the second's.
        assertThat(posts()).isEqualTo(2);
        assertThat(row(second)).containsEntry("status", "sent").containsEntry("twilio_sid", journal.sids().get(0));
        assertThat(row(first)).containsEntry("twilio_sid", journal.sids().get(1));
    }

    @Test
    void callWhoseSenderDiedIsFoundAtTwilioAndNotPlacedAgain() {
        TwilioStubs.callCreated(twilio);
        // Twilio's list holds a call we placed a second after the claim, and a newer <Dial> leg.
        TwilioStubs.callList(twilio, "call-list.json");
        long id = fixture.jdbi().inTransaction(tx ->
                outbox.call(tx, MessageKind.CALLBACK_OFFER, "call:1", SURVIVOR, Webhook.CALLBACK_LEADER.url(1), clock.instant()).orElseThrow());
        claimedBySenderThatDies(id);
        clock.advance(SETTINGS.claimTimeout().plusSeconds(1));

        dispatcher.dispatchOnce();

        twilio.verify(1, getRequestedFor(urlPathEqualTo(TwilioStubs.CALLS_PATH))
                .withQueryParam("To", equalTo(SURVIVOR.e164())).withQueryParam("From", equalTo(HOTLINE.e164())));
        assertThat(twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH)))).isEmpty();
        assertThat(row(id)).containsEntry("status", "sent")
                .containsEntry("twilio_sid", "CA00000000000000000000000000000b02")
                .containsEntry("delivery_status", "ringing");
        assertThat(metrics.counter("hotline_outbox_recovered_total", "kind", "call").count()).isEqualTo(1.0);
    }

    /** Claims row {@code id} as a dispatcher does and leaves it 'sending', as a sender killed mid-send would. */
    private void claimedBySenderThatDies(long id) {
        Instant now = clock.instant();
        List<OutboxRow> claimed = fixture.jdbi().withExtension(OutboxDao.class,
                dao -> dao.claim(now, now.minus(SETTINGS.claimTimeout()), new UUID[0], 10, UUID.randomUUID()));
        assertThat(claimed).extracting(OutboxRow::id).containsExactly(id);
    }

    private long queue(String key, String body) {
        return fixture.queue(key, SURVIVOR, body);
    }

    private int posts() {
        return twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH))).size();
    }

    private int lookups() {
        return twilio.findAll(getRequestedFor(urlPathEqualTo(TwilioStubs.MESSAGES_PATH))).size();
    }

    private Instant outcomeUnknownSince(long id) {
        OffsetDateTime since = fixture.jdbi().withHandle(h -> h.createQuery("SELECT outcome_unknown_since FROM outbox WHERE id = :id")
                .bind("id", id).mapTo(OffsetDateTime.class).one());
        return since == null ? null : since.toInstant();
    }

    private Map<String, Object> row(long id) {
        return fixture.row(id);
    }
}
