package dk.hotline.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dk.hotline.outbox.DispatcherFixture.HOTLINE;
import static dk.hotline.outbox.DispatcherFixture.PUBLIC_URL;
import static dk.hotline.outbox.DispatcherFixture.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.LogCapture;
import dk.hotline.testing.MutableClock;
import dk.hotline.twilio.OutboundCall;
import dk.hotline.twilio.OutboundSms;
import dk.hotline.twilio.SdkTwilioGateway;
import dk.hotline.twilio.SendResult;
import dk.hotline.twilio.TwilioGateway;
import dk.hotline.twilio.TwilioStubs;
import dk.hotline.twilio.Webhook;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {
    private static final int SEND_THREADS = OutboxDispatcher.SEND_THREADS;
    private static final String OTHER_SID = "SM" + "0".repeat(31) + "1";
    private static final PhoneNumber SURVIVOR = PhoneNumber.parse("+4520123456");
    private static final OutboxSettings SETTINGS = new OutboxSettings(
            10, 3, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMillis(50));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private DispatcherFixture fixture;
    private WireMockServer twilio;
    private Outbox outbox;
    private SdkTwilioGateway gateway;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        fixture = new DispatcherFixture(clock);
        twilio = fixture.twilio();
        outbox = fixture.outbox();
        gateway = fixture.gateway();
        dispatcher = fixture.dispatcher(gateway, SETTINGS, new SimpleMeterRegistry());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
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
                .withRequestBody(containing("StatusCallback=" + enc(PUBLIC_URL + Webhook.SMS_STATUS.url(id)))));
        assertThat(TwilioStubs.requestCount(twilio)).as("no look-up for an ordinary send").isEqualTo(1);
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
        long id = fixture.jdbi().inTransaction(tx ->
                outbox.sms(tx, MessageKind.RELAY_OUT, "later", SURVIVOR, "Hej", clock.instant().plus(Duration.ofHours(2))).orElseThrow());

        dispatcher.dispatchOnce();
        assertThat(TwilioStubs.requestCount(twilio)).isZero();

        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchOnce();
        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "sent");
    }

    @Test
    void sameDedupeKeyQueuesOnce() {
        var first = fixture.jdbi().inTransaction(tx -> outbox.sms(tx, MessageKind.RELAY_OUT, "reminder:5", SURVIVOR, "Hej", clock.instant()));
        var second = fixture.jdbi().inTransaction(tx -> outbox.sms(tx, MessageKind.RELAY_OUT, "reminder:5", SURVIVOR, "Hej", clock.instant()));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
    }

    @Test
    void rowsAreNotWrittenWhenTheCallersTransactionRollsBack() {
        try {
            fixture.jdbi().useTransaction(tx -> {
                outbox.sms(tx, MessageKind.RELAY_OUT, "rolled-back", SURVIVOR, "Hej", clock.instant());
                throw new IllegalStateException("the feature's own write failed");
            });
        } catch (IllegalStateException expected) {
            // the point of the test
        }
        int rows = fixture.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox").mapTo(Integer.class).one());
        assertThat(rows).isZero();
    }

    @Test
    void rateLimitCapsTextsPerSecondAcrossRounds() {
        TwilioStubs.messageCreated(twilio);
        for (int i = 0; i < 25; i++) {
            queue("burst:" + i, "Hej " + i);
        }

        int firstSecond = drainThisSecond();
        clock.advance(Duration.ofMillis(1001));
        int nextSecond = drainThisSecond();

        assertThat(firstSecond).isEqualTo(10);
        assertThat(nextSecond).isEqualTo(10);
        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(20);
    }

    @Test
    void aRoundClaimsNoMoreRowsThanThereAreSendThreads() {
        TwilioStubs.messageCreated(twilio);
        int queued = SEND_THREADS + 6;
        for (int i = 0; i < queued; i++) {
            queueTo("round:" + i, PhoneNumber.parse("+45201000" + String.format(Locale.ROOT, "%02d", i)), "Hej " + i);
        }
        // A rate above the rows queued, so that only the send threads limit the round.
        var roomy = new OutboxSettings(queued * 2, 3, Duration.ofSeconds(5), Duration.ofMinutes(10),
                Duration.ofMinutes(2), Duration.ofMillis(50));

        int claimed;
        try (var round = fixture.dispatcher(gateway, roomy, new SimpleMeterRegistry())) {
            claimed = round.dispatchOnce();
        }

        // A row claimed without a free thread would wait for one while its claim ages.
        assertThat(claimed).isEqualTo(SEND_THREADS);
        int left = fixture.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE status = 'pending'")
                .mapTo(Integer.class).one());
        assertThat(left).isEqualTo(queued - SEND_THREADS);
    }

    @Test
    void everySendStartsWellBeforeItsClaimCouldTimeOut() {
        TwilioStubs.messageCreated(twilio);
        var settings = new OutboxSettings(100, 3, Duration.ofSeconds(5), Duration.ofMinutes(10),
                Duration.ofSeconds(5), Duration.ofMillis(50));
        // Each request takes one (clock) second, as a slow Twilio would.
        var slow = new SlowTwilio(gateway, clock, Duration.ofSeconds(1));
        try (var timed = fixture.dispatcher(slow, settings, new SimpleMeterRegistry())) {
            for (int i = 0; i < 20; i++) {
                queue("slow:" + i, "Hej " + i);
            }

            while (timed.dispatchOnce() > 0) {
                // drain
            }
        }

        var claimedAt = fixture.jdbi().withHandle(h -> h.createQuery("SELECT id, claimed_at FROM outbox")
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getObject("claimed_at", java.time.OffsetDateTime.class).toInstant()))
                .list());
        assertThat(slow.startedAt).hasSize(20);
        // Otherwise another instance takes the row back as abandoned while it waits, and it goes twice.
        assertThat(claimedAt).allSatisfy(row -> assertThat(Duration.between(row.getValue(), slow.startedAt.get(row.getKey())))
                .as("row %d: from claim to send", row.getKey())
                .isLessThan(settings.claimTimeout()));
    }

    @Test
    void acceptedTextWhoseRecordingFailsOnceIsRecordedWithoutSendingAgain() {
        TwilioStubs.messageCreated(twilio);
        long id = queue("recording:1", "Hej");
        refuseMarkingSent(1);

        dispatcher.dispatchOnce();

        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "sent");
        assertThat((String) row(id).get("twilio_sid")).startsWith("SM");
    }

    @Test
    void acceptedTextIsNeverMarkedFailedWhenItsRecordingKeepsFailing() {
        TwilioStubs.messageCreated(twilio);
        long id = queue("recording:2", "Hej");
        refuseMarkingSent(1_000_000);

        try (var logs = new LogCapture()) {
            dispatcher.dispatchOnce();

            assertThat(row(id)).as("Twilio has it: not failed, and not free to be sent again")
                    .containsEntry("status", "sending");
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("event=outbox.sent_not_recorded")
                    .contains("id=" + id).containsPattern("sid=SM[0-9a-f]{32}"));
        }

        fixture.jdbi().useHandle(h -> h.execute("DROP TRIGGER refuse_sent ON outbox"));
        dispatcher.dispatchOnce();

        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "sent");
        assertThat((String) row(id).get("twilio_sid")).startsWith("SM");
    }

    @Test
    void badCredentialsKeepTheTextPendingWithoutUsingItsAttempts() {
        TwilioStubs.messageUnauthorized(twilio);
        long id = queue("credentials:1", "Hej");

        try (var logs = new LogCapture()) {
            for (int i = 0; i < SETTINGS.maxAttempts() + 2; i++) {
                dispatcher.dispatchOnce();
                clock.advance(SETTINGS.retryMax().multipliedBy(2));
            }

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("event=outbox.twilio_auth_failed"));
        }
        assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(SETTINGS.maxAttempts() + 2);
        assertThat(row(id)).containsEntry("status", "pending").containsEntry("attempts", 0).containsEntry("error_code", 20003);

        // Once the credentials are fixed, the text goes.
        twilio.resetAll();
        TwilioStubs.messageCreated(twilio);
        dispatcher.dispatchOnce();
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("attempts", 1);
    }

    @Test
    void refusalOfARowTakenBackByAnotherInstanceIsNotRecordedByTheFirst() {
        TwilioStubs.messageUnsubscribed(twilio);
        long id = queue("taken-back:1", "Hej");

        UUID otherClaim = sendWhileAnotherInstanceTakesTheRowBack(id);

        assertThat(row(id)).as("the other instance's send is under way; the first's refusal is not its outcome")
                .containsEntry("status", "sending").containsEntry("error_code", null);
        assertThat(markSentAs(id, otherClaim)).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("twilio_sid", OTHER_SID);
    }

    @Test
    void acceptanceOfARowTakenBackByAnotherInstanceIsNotRecordedByTheFirst() {
        TwilioStubs.messageCreated(twilio);
        long id = queue("taken-back:2", "Hej");

        UUID otherClaim = sendWhileAnotherInstanceTakesTheRowBack(id);

        assertThat(row(id)).containsEntry("status", "sending").containsEntry("twilio_sid", null);
        assertThat(markSentAs(id, otherClaim)).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("twilio_sid", OTHER_SID);
    }

    @Test
    void rowThatCannotBeOpenedIsMarkedFailedWithoutAskingTwilio() {
        TwilioStubs.messageCreated(twilio);
        long id = queue("unopenable:1", "Hej");
        fixture.jdbi().useHandle(h -> h.createUpdate("UPDATE outbox SET recipient_sealed = :junk WHERE id = :id")
                .bind("junk", new byte[] {1, 2, 3}).bind("id", id).execute());

        dispatcher.dispatchOnce();

        assertThat(TwilioStubs.requestCount(twilio)).isZero();
        assertThat(row(id)).containsEntry("status", "failed");
        assertThat((String) row(id).get("error")).startsWith("not sendable");
    }

    @Test
    void callIsPlacedWithItsTwimlUrlAndStatusCallback() {
        TwilioStubs.callCreated(twilio);
        long id = fixture.jdbi().inTransaction(tx ->
                outbox.call(tx, MessageKind.CALLBACK_OFFER, "callback:1", SURVIVOR, Webhook.CALLBACK_LEADER.url(1), clock.instant()).orElseThrow());

        dispatcher.dispatchOnce();

        twilio.verify(1, postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH))
                .withRequestBody(containing("To=" + enc(SURVIVOR.e164())))
                .withRequestBody(containing("From=" + enc(HOTLINE.e164())))
                .withRequestBody(containing("Url=" + enc(PUBLIC_URL + Webhook.CALLBACK_LEADER.url(1))))
                .withRequestBody(containing("StatusCallback=" + enc(PUBLIC_URL + Webhook.VOICE_STATUS.url(id)))));
        assertThat(row(id)).containsEntry("status", "sent");
    }

    /**
     * Dispatches row {@code id}; while its request is under way the claim times out and another
     * instance takes the row back, as it would from an instance that seemed dead. Returns that claim's token.
     */
    private UUID sendWhileAnotherInstanceTakesTheRowBack(long id) {
        var otherClaim = UUID.randomUUID();
        TwilioGateway meanwhile = new ForwardingGateway(gateway) {
            @Override
            public SendResult sendSms(OutboundSms sms) {
                clock.advance(SETTINGS.claimTimeout().plusSeconds(1));
                Instant now = clock.instant();
                var taken = fixture.jdbi().withExtension(OutboxDao.class,
                        dao -> dao.claim(now, now.minus(SETTINGS.claimTimeout()), new UUID[0], 10, otherClaim));
                assertThat(taken).extracting(OutboxRow::id).containsExactly(id);
                return super.sendSms(sms);
            }
        };
        try (var first = fixture.dispatcher(meanwhile, SETTINGS, new SimpleMeterRegistry())) {
            assertThat(first.dispatchOnce()).isEqualTo(1);
        }
        return otherClaim;
    }

    private int markSentAs(long id, UUID claim) {
        return fixture.jdbi().withHandle(h -> SendOutcomes.markSent(h, id, claim, OTHER_SID, "queued", clock.instant()));
    }

    /** Dispatches rounds at one clock instant until the rate (or the queue) is used up. */
    private int drainThisSecond() {
        return DispatcherFixture.drain(dispatcher);
    }

    /**
     * Makes the database refuse the first {@code times} writes of 'sent', as a database that went
     * away between Twilio's answer and our bookkeeping would.
     */
    private void refuseMarkingSent(int times) {
        fixture.jdbi().useHandle(h -> {
            h.execute("CREATE SEQUENCE sent_writes");
            h.execute("""
                    CREATE FUNCTION refuse_sent() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.status = 'sent' AND nextval('sent_writes') <= %d THEN
                            RAISE EXCEPTION 'database unavailable';
                        END IF;
                        RETURN NEW;
                    END $$""".formatted(times));
            h.execute("CREATE TRIGGER refuse_sent BEFORE UPDATE ON outbox FOR EACH ROW EXECUTE FUNCTION refuse_sent()");
        });
    }

    private long queue(String key, String body) {
        return queueTo(key, SURVIVOR, body);
    }

    private long queueTo(String key, PhoneNumber to, String body) {
        return fixture.queue(key, to, body);
    }

    @Test
    void textsToOneNumberGoOutOneAtATimeInTheOrderTheyWereQueued() {
        TwilioStubs.messageCreated(twilio);
        for (int i = 1; i <= 3; i++) {
            queue("part:" + i, "del " + i);
        }
        queueTo("other", PhoneNumber.parse("+4520999999"), "til en anden");

        int first = dispatcher.dispatchOnce();
        int second = dispatcher.dispatchOnce();
        int third = dispatcher.dispatchOnce();

        assertThat(List.of(first, second, third)).containsExactly(2, 1, 1);
        var bodies = twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH))).stream()
                .map(r -> r.getBodyAsString()).filter(b -> b.contains("To=" + enc(SURVIVOR.e164())))
                .map(b -> java.net.URLDecoder.decode(b.replaceFirst(".*Body=([^&]*).*", "$1"), StandardCharsets.UTF_8)).toList();
        assertThat(bodies).containsExactly("del 1", "del 2", "del 3");
    }

    private Map<String, Object> row(long id) {
        return fixture.row(id);
    }

    /** The real gateway, with each request taking {@code took} on the test clock; notes when each row's send began. */
    private static final class SlowTwilio extends ForwardingGateway {
        final Map<Long, Instant> startedAt = new ConcurrentHashMap<>();
        private final MutableClock clock;
        private final Duration took;

        SlowTwilio(TwilioGateway twilio, MutableClock clock, Duration took) {
            super(twilio);
            this.clock = clock;
            this.took = took;
        }

        @Override
        public SendResult sendSms(OutboundSms sms) {
            startedAt.put(outboxId(sms.statusCallback()), clock.instant());
            synchronized (clock) {
                clock.advance(took);
            }
            return super.sendSms(sms);
        }

        @Override
        public SendResult placeCall(OutboundCall call) {
            startedAt.put(outboxId(call.statusCallback()), clock.instant());
            synchronized (clock) {
                clock.advance(took);
            }
            return super.placeCall(call);
        }

        private static long outboxId(URI statusCallback) {
            return Long.parseLong(statusCallback.getQuery().replaceFirst("^outbox=", ""));
        }
    }

}
