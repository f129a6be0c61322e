package dk.hotline.followups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import dk.hotline.testing.TwilioSms;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Follow-up texts, fired as their Quartz triggers would fire them, with the clock set to the moment in question. */
class FollowupTest {
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T10:00:00Z"));
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final String MAJA = "+4520000061";
    private static HotlineFixture hotline;
    private static TestService service;
    private static Coordinator coordinator;
    private static TwilioSms sms;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        service = hotline.service();
        coordinator = hotline.coordinator();
        sms = hotline.sms();
        long maja = coordinator.leader("Maja", MAJA, List.of("da"));
        coordinator.shift(maja, Instant.parse("2027-03-01T07:00:00Z"), Instant.parse("2027-03-01T19:00:00Z"));
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void aCallerWhoSaysYesAfterTalkingToALeaderGetsOneFollowupTwoDaysLater() {
        clock.set(at("2027-03-01T11:00:00+01:00"));
        var call = new TwilioCall(service, callSid(), "+4535000001");
        call.arrive();
        var dial = call.press("1");
        var leg = new TwilioCall.LeaderLeg(service, callSid());
        leg.answer(dial.text("/Response/Dial/Number/@url"));
        leg.press("1");

        var after = call.dialEnds("completed");
        assertThat(after.text("/Response/Gather/Say")).isEqualTo(service.text("da", "followupOffer"));
        call.press("1");
        assertThat(call.heard()).contains(service.text("da", "followupConfirmed"));

        var followup = only("pending", "call");
        assertThat(Json.text(followup, "due")).isEqualTo("2027-03-03T11:00:00+01:00");
        clock.set(at("2027-03-03T11:00:00+01:00"));
        service.runJob(FollowupJob.class);
        service.runJob(FollowupJob.class);

        Await.until("the follow-up is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4535000001").size() == 1);
        assertThat(sms.sentTo("+4535000001")).containsExactly(service.text("da", "smsFollowup"));
        assertThat(sms.sentTo("+4535000001").get(0)).contains("RING").doesNotContainIgnoringCase("vold");
    }

    @Test
    void aFollowupAskedForWithACallbackInTheEveningWaitsForTheEndOfQuietHoursAndAStopCancelsIt() {
        clock.set(at("2027-03-01T21:30:00+01:00"));
        var call = new TwilioCall(service, callSid(), "+4535000002");
        call.arrive();
        call.press("3");
        call.press("1");
        var confirmed = call.press("1");
        assertThat(confirmed.text("/Response/Say[1]")).isEqualTo(service.text("da", "callbackConfirmed"));
        call.press("1");

        var followup = only("pending", "callback");
        // Two days after 21:30 is inside 21:00-08:00: it waits for 08:00.
        assertThat(Json.text(followup, "due")).isEqualTo("2027-03-04T08:00:00+01:00");

        clock.set(at("2027-03-02T09:00:00+01:00"));
        sms.receive("+4535000002", "STOP");
        clock.set(at("2027-03-04T08:00:00+01:00"));
        service.runJob(FollowupJob.class);

        assertThat(status(Json.number(followup, "id"))).isEqualTo("cancelled");
        Await.until("the STOP is confirmed", Duration.ofSeconds(10), () -> sms.sentTo("+4535000002").size() == 1);
        assertThat(sms.sentTo("+4535000002")).containsExactly(service.text("da", "smsStopConfirm"));
    }

    @Test
    void aLeaderAsksForAFollowupOfAConversationAndTheSurvivorWritingFirstCancelsIt() {
        clock.set(at("2027-03-01T12:00:00+01:00"));
        sms.receive("+4535000003", "hej, kan jeg skrive her?");
        String tag = hotline.relayedTag(MAJA);
        sms.receive(MAJA, tag + " ja, det kan du");
        sms.receive(MAJA, tag + " OPFØLG 2");
        // Changing her mind moves the one follow-up; it never makes two.
        sms.receive(MAJA, tag + " OPFØLG 3");

        Await.until("Maja is told when, twice", Duration.ofSeconds(10),
                () -> sms.sentTo(MAJA).stream().filter(b -> b.startsWith(tag + ":")).count() == 2);
        assertThat(sms.sentTo(MAJA)).contains(tag + ": opfølgning sendes 3/3 12.00, medmindre der skrives før.",
                tag + ": opfølgning sendes 4/3 12.00, medmindre der skrives før.");
        only("pending", "conversation");
        clock.set(at("2027-03-03T12:00:00+01:00"));
        service.runJob(FollowupJob.class);
        clock.set(at("2027-03-04T12:00:00+01:00"));
        service.runJob(FollowupJob.class);
        Await.until("the follow-up is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4535000003").size() == 2);
        assertThat(sms.sentTo("+4535000003").get(1)).isEqualTo(service.text("da", "smsFollowup"));

        clock.set(at("2027-03-04T13:00:00+01:00"));
        sms.receive(MAJA, tag + " followup 2");
        long second = Json.number(only("pending", "conversation"), "id");
        clock.set(at("2027-03-04T13:05:00+01:00"));
        sms.receive("+4535000003", "tak for sms'en");
        clock.set(at("2027-03-06T13:00:00+01:00"));
        service.runJob(FollowupJob.class);
        assertThat(status(second)).isEqualTo("cancelled");
        assertThat(sms.sentTo("+4535000003")).as("one follow-up only (the later text may be an auto-reply)")
                .filteredOn(service.text("da", "smsFollowup")::equals).hasSize(1);

        // A K-number this leader was never offered gets no follow-up.
        sms.receive(MAJA, "K999999 OPFØLG 3");
        Await.until("Maja is told it is unknown", Duration.ofSeconds(10),
                () -> sms.sentTo(MAJA).contains(service.text("da", "leaderUnknown").replace("{tag}", "K999999")));
    }

    private static JsonNode only(String status, String source) {
        return Json.withText(Json.parse(coordinator.get("/api/followups?status=" + status)), "source", source);
    }

    private static String status(long id) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT status FROM followups WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    private static String callSid() {
        return String.format("CA%032x", 0x500 + CALLS.incrementAndGet());
    }

    private static Instant at(String offsetTime) {
        return OffsetDateTime.parse(offsetTime).toInstant();
    }
}
