package dk.hotline.sms;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Texting the hotline, played over signed webhooks with WireMock as Twilio's REST API. */
class TextingTest {
    private static final String SURVIVOR = "+4531415926";
    private static final String MAJA = "+4520000011";
    private static final String EMIL = "+4520000012";
    private static final String HOTLINE = TestConfig.HOTLINE_NUMBER;
    private static final Duration SOON = Await.SOON;

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private TestService service;
    private Coordinator coordinator;
    private TwilioSms sms;

    @BeforeEach
    void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        TwilioStubs.callCreated(twilio);
        service = TestService.start(twilio.baseUrl());
        coordinator = new Coordinator(service);
        sms = new TwilioSms(service, twilio);
    }

    @AfterEach
    void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void aWholeConversationGoesBothWaysFromTheHotlineNumberOnly() {
        onCallNow("Maja", MAJA);

        sms.receive(SURVIVOR, "Hej, kan jeg skrive her? Æblegrød 🙂");
        awaitSent(1);
        var forwarded = sms.sent().get(0);
        assertThat(forwarded).containsEntry("To", MAJA).containsEntry("From", HOTLINE)
                .containsEntry("Body", "[K1] Hej, kan jeg skrive her? Æblegrød 🙂");

        sms.receive(MAJA, "K1 Ja, skriv løs 💬 – jeg er her.");
        awaitSent(2);
        assertThat(sms.sent().get(1)).containsEntry("To", SURVIVOR).containsEntry("From", HOTLINE)
                .containsEntry("Body", "Ja, skriv løs 💬 – jeg er her.");

        sms.receive(SURVIVOR, "Tak");
        sms.receive(MAJA, "Velbekomme");
        awaitSent(4);
        assertThat(sms.sentTo(MAJA)).containsExactly("[K1] Hej, kan jeg skrive her? Æblegrød 🙂", "[K1] Tak");
        assertThat(sms.sentTo(SURVIVOR)).containsExactly("Ja, skriv løs 💬 – jeg er her.", "Velbekomme");
        assertThat(String.join(" ", sms.sentTo(MAJA))).doesNotContain("31415926");
    }

    @Test
    void withTwoLeadersOnCallTheFirstToAnswerTakesTheConversation() {
        onCallNow("Maja", MAJA);
        onCallNow("Emil", EMIL);

        sms.receive(SURVIVOR, "Hej");
        awaitSent(2);
        assertThat(sms.sentTo(MAJA)).containsExactly("[K1] Hej");
        assertThat(sms.sentTo(EMIL)).containsExactly("[K1] Hej");

        sms.receive(EMIL, "K1 Hej, det er Emil");
        awaitSent(4);
        assertThat(sms.sentTo(SURVIVOR)).containsExactly("Hej, det er Emil");
        assertThat(sms.sentTo(MAJA)).contains("K1 er taget af Emil.");

        sms.receive(MAJA, "K1 Hej fra Maja");
        sms.receive(SURVIVOR, "Tak Emil");
        awaitSent(6);
        assertThat(sms.sentTo(MAJA)).contains("K1 er allerede taget af en anden.");
        assertThat(sms.sentTo(EMIL)).contains("[K1] Tak Emil");
        assertThat(sms.sentTo(SURVIVOR)).containsExactly("Hej, det er Emil");
    }

    @Test
    void stopSilencesEverythingUntilStart() {
        sms.receive(SURVIVOR, "Stop.");
        awaitSent(1);
        assertThat(sms.sentTo(SURVIVOR)).containsExactly(service.text("da", "smsStopConfirm"));

        long reminder = queueText("reminder:1", "Husk i morgen kl. 17.");
        Await.until("the reminder is cancelled", SOON, () -> "cancelled".equals(outboxStatus(reminder)));
        sms.receive(SURVIVOR, "STOP");
        sms.receive(SURVIVOR, "start");
        awaitSent(2);
        assertThat(sms.sentTo(SURVIVOR)).as("a second STOP is not confirmed again")
                .containsExactly(service.text("da", "smsStopConfirm"), service.text("da", "smsStartConfirm"));

        long second = queueText("reminder:2", "Husk i morgen kl. 17.");
        Await.until("the reminder is sent", SOON, () -> "sent".equals(outboxStatus(second)));
        assertThat(sms.sentTo(SURVIVOR)).endsWith("Husk i morgen kl. 17.");
    }

    @Test
    void theSameMessageSidTwiceIsRelayedOnce() {
        onCallNow("Maja", MAJA);
        String sid = TwilioSms.newSid();

        sms.receive(sid, SURVIVOR, "Hej", 0);
        sms.receive(sid, SURVIVOR, "Hej", 0);
        awaitSent(1);
        sms.receive(SURVIVOR, "igen");
        awaitSent(2);

        assertThat(sms.sentTo(MAJA)).containsExactly("[K1] Hej", "[K1] igen");
    }

    @Test
    void withNobodyOnCallTheTexterGetsOneAutoReplyAndTheNextShiftGetsTheTexts() throws Exception {
        long maja = coordinator.leader("Maja", MAJA, List.of("da"));

        sms.receive(SURVIVOR, "Er der nogen?");
        sms.receive(SURVIVOR, "Hallo?");
        awaitSent(1);
        assertThat(sms.sentTo(SURVIVOR)).hasSize(1);
        assertThat(sms.sentTo(SURVIVOR).get(0)).contains("ingen til at svare").contains("112");
        assertThat(sms.sentTo(MAJA)).isEmpty();

        Instant now = Instant.now();
        coordinator.shift(maja, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(2)));
        service.runJob(RelayJob.class);

        Await.until("Maja gets both texts", SOON, () -> sms.sentTo(MAJA).size() == 2);
        assertThat(sms.sentTo(MAJA)).containsExactly("[K1] Er der nogen?", "[K1] Hallo?");
    }

    @Test
    void picturesAreNotForwardedAndTheSenderIsToldOnce() {
        onCallNow("Maja", MAJA);

        sms.receive(TwilioSms.newSid().replace("SM", "MM"), SURVIVOR, "", 1);
        sms.receive(TwilioSms.newSid().replace("SM", "MM"), SURVIVOR, "se her", 2);
        awaitSent(2);

        assertThat(sms.sentTo(SURVIVOR)).containsExactly(service.text("da", "smsMediaNotice"));
        assertThat(sms.sentTo(MAJA)).containsExactly("[K1] se her");
    }

    @Test
    void longTextsAreForwardedWhole() {
        onCallNow("Maja", MAJA);
        String longText = "æ".repeat(1000) + "🙂".repeat(300);

        sms.receive(SURVIVOR, longText);
        awaitSent(2);

        assertThat(String.join("", sms.sentTo(MAJA))).isEqualTo("[K1] " + longText);
    }

    @Test
    void leaderSwitchesOffAndOnAndAsksWhoIsOnCall() {
        long maja = onCallNow("Maja Hansen", MAJA);

        sms.receive(MAJA, "off");
        awaitSent(1);
        assertThat(Json.bool(Json.parse(coordinator.get("/api/leaders/" + maja)), "available")).isFalse();
        sms.receive(SURVIVOR, "Hej");
        awaitSent(2);
        assertThat(sms.sentTo(MAJA)).as("not relayed to a leader who is off").hasSize(1);

        sms.receive(MAJA, "ON");
        sms.receive(MAJA, "status");
        awaitSent(4);
        assertThat(Json.bool(Json.parse(coordinator.get("/api/leaders/" + maja)), "available")).isTrue();
        assertThat(sms.sentTo(MAJA).get(sms.sentTo(MAJA).size() - 1)).startsWith("På vagt nu: Maja.");
    }

    @Test
    void aFloodFromOneNumberIsNotFannedOutToLeaders() {
        onCallNow("Maja", MAJA);

        // The limit is 10 a clock minute (the service runs on the real clock): a flood that a slow
        // machine stretches across a minute's end is allowed 10 in each minute it touches.
        long firstMinute = Instant.now().getEpochSecond() / 60;
        for (int i = 0; i < 40; i++) {
            sms.receive(SURVIVOR, "spam " + i);
        }
        int allowed = (int) (10 * (Instant.now().getEpochSecond() / 60 - firstMinute + 1));
        service.runJob(RelayJob.class);

        Await.until("the allowed texts are relayed", SOON, () -> sms.sentTo(MAJA).size() == allowed);
        assertThat(allowed).isLessThan(40);
        assertThat(sms.sentTo(MAJA)).hasSize(allowed);
    }

    @Test
    void aBlockedNumberGetsNoRelayAndNoReply() {
        onCallNow("Maja", MAJA);
        var blocked = coordinator.post("/api/blocklist", "{\"phone\":\"" + SURVIVOR + "\",\"reason\":\"harassment\"}");
        assertThat(blocked.statusCode()).isEqualTo(201);

        sms.receive(SURVIVOR, "Hej");
        sms.receive(SURVIVOR, "HJÆLP");
        sms.receive("+4531000000", "Hej fra en anden");
        awaitSent(1);

        assertThat(sms.sentTo(MAJA)).containsExactly("[K1] Hej fra en anden");
        assertThat(sms.sentTo(SURVIVOR)).isEmpty();
    }

    @Test
    void ringAsksForACallbackAndGruppeJoinsTheInterestList() {
        onCallNow("Maja", MAJA);

        sms.receive(SURVIVOR, "ring");
        sms.receive("+4531000001", "Gruppe!");
        awaitSent(3);

        assertThat(sms.sentTo(SURVIVOR)).containsExactly(service.text("da", "smsCallbackConfirm"));
        assertThat(sms.sentTo("+4531000001")).containsExactly(service.text("da", "smsGroupConfirm"));
        assertThat(sms.sentTo(MAJA).get(0)).startsWith("Ny anmodning om at blive ringet op");
        assertThat(Json.elements(coordinator.get("/api/callbacks"))).extracting(c -> Json.text(c, "source")).containsExactly("sms");
    }

    @Test
    void stopCountsEvenFromAFloodingNumber() {
        for (int i = 0; i < 12; i++) {
            sms.receive(SURVIVOR, "besked " + i);
        }
        sms.receive(SURVIVOR, "STOP");

        long reminder = queueText("after-flood", "Husk i morgen.");
        Await.until("the text is cancelled", SOON, () -> "cancelled".equals(outboxStatus(reminder)));
    }

    @Test
    void aLeaderWhoWasNotSentAConversationCannotTakeIt() {
        onCallNow("Maja", MAJA);
        long emil = coordinator.leader("Emil", EMIL, List.of("da"));
        sms.receive(SURVIVOR, "Hej");
        awaitSent(1);

        sms.receive(EMIL, "K1 Hej, jeg tager den");
        awaitSent(2);

        assertThat(sms.sentTo(EMIL)).containsExactly("K1 findes ikke eller er lukket.");
        assertThat(sms.sentTo(SURVIVOR)).isEmpty();
        assertThat(emil).isPositive();
    }

    @Test
    void aCallbackAskedForWhileNobodyIsOnCallReachesTheNextShift() {
        long maja = coordinator.leader("Maja", MAJA, List.of("da"));
        sms.receive(SURVIVOR, "RING");
        awaitSent(1);
        assertThat(sms.sentTo(MAJA)).isEmpty();

        Instant now = Instant.now();
        coordinator.shift(maja, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(2)));
        service.runJob(dk.hotline.followups.CallbackAnnounceJob.class);

        Await.until("Maja is told", SOON, () -> sms.sentTo(MAJA).size() == 1);
        assertThat(sms.sentTo(MAJA).get(0)).startsWith("Ny anmodning om at blive ringet op").doesNotContain("31415926");
    }

    private long onCallNow(String name, String phone) {
        return coordinator.onCallNow(name, phone, List.of("da"));
    }

    private void awaitSent(int count) {
        Await.until(count + " texts sent", SOON, () -> sms.sent().size() >= count);
    }

    private long queueText(String key, String body) {
        var k = EncryptionKey.fromBase64(TestConfig.ENCRYPTION_KEY);
        var outbox = new Outbox(new PersonalDataCipher(k), new BlindIndex(k), Clock.systemUTC());
        return service.jdbi().inTransaction(tx -> outbox.sms(tx, MessageKind.RELAY_OUT, key, PhoneNumber.parse(SURVIVOR), body, Instant.now()).orElseThrow());
    }

    private String outboxStatus(long id) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT status FROM outbox WHERE id = :id").bind("id", id)
                .mapTo(String.class).one());
    }
}
