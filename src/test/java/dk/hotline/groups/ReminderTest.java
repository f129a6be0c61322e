package dk.hotline.groups;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders fired as their Quartz triggers would fire them, with the service's clock set to the
 * moment in question: nothing here waits for the scheduler's own time.
 */
class ReminderTest {
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T10:00:00Z"));
    private static HotlineFixture hotline;
    private static TestService service;
    private static Coordinator coordinator;
    private static TwilioSms sms;
    private static long leader;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        service = hotline.service();
        coordinator = hotline.coordinator();
        sms = hotline.sms();
        leader = coordinator.leader("Maja", "+4520000051", List.of("da"));
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @BeforeEach
    void backToTheStart() {
        clock.set(Instant.parse("2027-01-01T10:00:00Z"));
    }

    @Test
    void eachConsentingParticipantGetsOneDiscreetReminderInTheirLanguage() {
        long group = group("Torsdagsgruppen", "Torsdagsholdet", "2027-02-04T17:00:00+01:00", 1);
        long session = sessions(group).get(0);
        join(group, "Ida", "+4534000001", true, "da");
        join(group, "Sam", "+4534000002", true, "en");
        join(group, "Eva", "+4534000003", false, "da");
        join(group, "Ole", "+4534000004", true, "da");
        sms.receive("+4534000004", "STOP");
        // The confirmation goes out through the outbox on its own thread; it is sent within seconds, long before
        // the month this test then skips, so wait for it rather than race the dispatcher.
        Await.until("the STOP confirmation is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4534000004").size() == 1);

        assertThat(service.reminderScheduledAt(session, DAY)).contains(Instant.parse("2027-02-03T16:00:00Z"));
        assertThat(service.reminderScheduledAt(session, TWO_HOURS)).contains(Instant.parse("2027-02-04T14:00:00Z"));

        clock.set(Instant.parse("2027-02-03T16:00:00Z"));
        service.fireReminder(session, DAY);
        service.fireReminder(session, DAY);

        Await.until("both reminders are sent", Duration.ofSeconds(10),
                () -> sms.sentTo("+4534000001").size() == 1 && sms.sentTo("+4534000002").size() == 1);
        assertThat(sms.sentTo("+4534000001")).containsExactly(
                "Påmindelse: Torsdagsholdet, torsdag 4/2 kl. 17.00. Svar JA hvis du kommer, eller NEJ hvis du ikke kan.");
        assertThat(sms.sentTo("+4534000002")).containsExactly(
                "Reminder: Torsdagsholdet, Thursday 4/2 at 17:00. Reply YES if you are coming, or NO if you cannot.");
        assertThat(sms.sentTo("+4534000003")).as("no consent, no text").isEmpty();
        assertThat(sms.sentTo("+4534000004")).as("opted out: only the STOP confirmation")
                .containsExactly(service.text("da", "smsStopConfirm"));
        assertThat(outcomes(session)).containsExactlyInAnyOrder("sent", "sent", "skipped_opted_out");
        for (String body : List.of(sms.sentTo("+4534000001").get(0), sms.sentTo("+4534000002").get(0))) {
            assertThat(body.toLowerCase()).doesNotContain("vold", "violence", "tal om", "gruppen", "kbh");
        }
    }

    @Test
    void aReminderFiringLateIntoQuietHoursIsSkippedAndOneHeldUpPastItsLastMomentIsDropped() {
        long group = group("Morgengruppen B", "Morgenholdet", "2027-02-11T09:00:00+01:00", 1);
        long session = sessions(group).get(0);
        join(group, "Ida", "+4534000061", true, "da");
        TwilioStubs.messageTo(hotline.twilio(), "+4534000061", com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503));

        // Due 20:59 (2 hours before 09:00 is in quiet hours); Twilio is down, the outbox retries...
        clock.set(at("2027-02-10T20:59:00+01:00"));
        service.fireReminder(session, TWO_HOURS);
        Await.until("the first attempt failed", Duration.ofSeconds(10), () -> outboxStatus("+4534000061").equals("pending:1"));
        // ...until 21:00, when quiet hours begin: then it is dropped, not sent at night.
        clock.set(at("2027-02-10T21:00:00+01:00"));
        Await.until("the text is dropped", Duration.ofSeconds(10), () -> outboxStatus("+4534000061").equals("cancelled:1"));

        // A fire at 21:05, within the grace period but in quiet hours, sends nothing.
        long other = group("Morgengruppen C", "Morgenholdet", "2027-02-12T09:00:00+01:00", 1);
        join(other, "Sam", "+4534000062", true, "da");
        clock.set(at("2027-02-11T21:05:00+01:00"));
        service.fireReminder(sessions(other).get(0), TWO_HOURS);
        assertThat(outcomes(sessions(other).get(0))).containsExactly("skipped_quiet");
        assertThat(sms.sentTo("+4534000062")).isEmpty();
    }

    @Test
    void aReminderThatWouldFallInQuietHoursComesTheEveningBefore() {
        long morning = sessions(group("Morgengruppen", "Morgenholdet", "2027-02-09T09:00:00+01:00", 1)).get(0);
        long late = sessions(group("Aftengruppen", "Aftenholdet", "2027-02-10T22:30:00+01:00", 1)).get(0);

        // 2 hours before 09:00 is 07:00, inside 21:00-08:00: it moves to 20:59 the evening before.
        assertThat(service.reminderScheduledAt(morning, DAY)).contains(at("2027-02-08T09:00:00+01:00"));
        assertThat(service.reminderScheduledAt(morning, TWO_HOURS)).contains(at("2027-02-08T20:59:00+01:00"));
        assertThat(service.reminderScheduledAt(late, DAY)).contains(at("2027-02-09T20:59:00+01:00"));
        assertThat(service.reminderScheduledAt(late, TWO_HOURS)).contains(at("2027-02-10T20:30:00+01:00"));
    }

    @Test
    void aLateReminderIsSentWithinTheGracePeriodAndSkippedAfterItOrOnceTheSessionHasBegun() {
        long group = group("Mandagsgruppen", "Mandagsholdet", "2027-02-15T17:00:00+01:00", 1);
        long session = sessions(group).get(0);
        join(group, "Ida", "+4534000011", true, "da");

        clock.set(at("2027-02-14T17:14:00+01:00"));
        service.fireReminder(session, DAY);
        Await.until("the 24-hour reminder is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4534000011").size() == 1);
        clock.set(at("2027-02-15T15:16:00+01:00"));
        service.fireReminder(session, TWO_HOURS);

        assertThat(outcomes(session)).containsExactlyInAnyOrder("sent", "skipped_late");

        long other = group("Tirsdagsgruppen", "Tirsdagsholdet", "2027-02-16T17:00:00+01:00", 1);
        long begun = sessions(other).get(0);
        join(other, "Ida", "+4534000012", true, "da");
        clock.set(at("2027-02-16T17:05:00+01:00"));
        service.fireReminder(begun, TWO_HOURS);
        assertThat(outcomes(begun)).containsExactly("skipped_started");
        assertThat(sms.sentTo("+4534000012")).isEmpty();
    }

    @Test
    void aTriggerFiredAMomentBeforeItsTimeSendsTheReminderAtItsTimeAndNotBefore() {
        long group = group("Martsgruppen", "Martsholdet", "2027-03-09T17:00:00+01:00", 1);
        long session = sessions(group).get(0);
        join(group, "Ida", "+4534000071", true, "da");

        // Quartz fires a trigger when it is at most 2 ms from its time (it stops waiting there).
        clock.set(at("2027-03-09T15:00:00+01:00").minusMillis(2));
        service.fireReminder(session, TWO_HOURS);
        assertThat(outcomes(session)).as("the trigger is spent: this fire must count").containsExactly("sent");

        // A text queued after the reminder goes out; the reminder, not yet due, waits.
        sms.receive("+4534000072", "STOP");
        Await.until("the later text is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4534000072").size() == 1);
        assertThat(sms.sentTo("+4534000071")).isEmpty();

        clock.set(at("2027-03-09T15:00:00+01:00"));
        Await.until("the reminder is sent at its time", Duration.ofSeconds(10), () -> sms.sentTo("+4534000071").size() == 1);
    }

    @Test
    void aSessionGivenToTheMillisecondGetsItsRemindersWhenTheirTriggersFireAndSoDoesOneMovedToSuchATime() {
        var created = coordinator.group("Millisekundgruppen", "Torsdagsholdet", leader, "2027-03-18T17:00:00.250+01:00", 2, null);
        long group = Json.number(created, "id");
        var ids = sessions(group);
        join(group, "Ida", "+4534000091", true, "da");
        var moved = coordinator.post("/api/groups/" + group + "/sessions/" + ids.get(1) + "/move",
                "{\"start\":\"2027-03-26T11:00:00.999+01:00\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        clock.set(at("2027-03-17T17:00:00+01:00"));
        service.fireReminder(ids.get(0), DAY);
        Await.until("the first session's reminder is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4534000091").size() == 2);
        clock.set(at("2027-03-25T11:00:00+01:00"));
        service.fireReminder(ids.get(1), DAY);
        Await.until("the moved session's reminder is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4534000091").size() == 3);

        assertThat(outcomes(ids.get(0))).containsExactly("sent");
        assertThat(outcomes(ids.get(1))).containsExactly("sent");
        assertThat(sms.sentTo("+4534000091").get(1)).startsWith("Påmindelse: Torsdagsholdet, torsdag 18/3 kl. 17.00.");
        assertThat(sms.sentTo("+4534000091").get(2)).startsWith("Påmindelse: Torsdagsholdet, fredag 26/3 kl. 11.00.");
        assertThat(Json.text(Json.elements(Json.field(created, "sessions")).get(0), "start"))
                .as("kept in whole seconds").isEqualTo("2027-03-18T17:00:00+01:00");
        assertThat(service.reminderScheduledAt(ids.get(0), DAY)).contains(at("2027-03-17T17:00:00+01:00"));
        assertThat(service.reminderScheduledAt(ids.get(1), DAY)).contains(at("2027-03-25T11:00:00+01:00"));
    }

    @Test
    void jaAndNejAreRecordedAndANejTellsTheGroupsLeader() {
        long group = group("Onsdagsgruppen", "Onsdagsholdet", "2027-02-17T17:00:00+01:00", 1);
        long session = sessions(group).get(0);
        long ida = join(group, "Ida", "+4534000021", true, "da");
        long sam = join(group, "Sam", "+4534000022", true, "en");
        clock.set(at("2027-02-16T17:00:00+01:00"));
        service.fireReminder(session, DAY);
        Await.until("reminders are sent", Duration.ofSeconds(10),
                () -> sms.sentTo("+4534000021").size() == 1 && sms.sentTo("+4534000022").size() == 1);

        sms.receive("+4534000021", "ja");
        sms.receive("+4534000022", "No.");

        Await.until("the answers are confirmed", Duration.ofSeconds(10),
                () -> sms.sentTo("+4534000021").size() == 2 && sms.sentTo("+4534000022").size() == 2);
        assertThat(sms.sentTo("+4534000021").get(1)).isEqualTo(service.text("da", "smsAttendanceYes"));
        assertThat(sms.sentTo("+4534000022").get(1)).isEqualTo(service.text("en", "smsAttendanceNo"));
        assertThat(attending(session, ida)).contains(true);
        assertThat(attending(session, sam)).contains(false);
        String body = coordinator.get("/api/groups/" + group);
        var shown = Json.withId(Json.field(Json.parse(body), "sessions"), session);
        assertThat(Json.number(shown, "attending")).isEqualTo(1);
        assertThat(Json.number(shown, "notAttending")).isEqualTo(1);
        assertThat(Json.text(Json.withId(Json.field(Json.parse(body), "members"), ida), "name")).isEqualTo("Ida");
        // Privacy: Ida's number in clear appears nowhere in the group's answer.
        assertThat(body).doesNotContain("34000021");
        Await.until("the leader is told", Duration.ofSeconds(10), () -> !sms.sentTo("+4520000051").isEmpty());
        assertThat(sms.sentTo("+4520000051")).containsExactly("Onsdagsgruppen, onsdag 17/2 kl. 17.00: Sam kommer ikke.");

        // Without a reminder to answer, JA is a message like any other: it goes to the relay.
        long before = relayedIn();
        sms.receive("+4534000029", "JA");
        assertThat(relayedIn()).isEqualTo(before + 1);
        // After a reminder, but written into a conversation since: a reply there, not an answer.
        sms.receive("+4534000021", "Må jeg tage min søster med?");
        sms.receive("+4534000021", "Nej");
        assertThat(relayedIn()).isEqualTo(before + 3);
        assertThat(attending(session, ida)).as("still the JA").contains(true);
    }

    @Test
    void cancellingRemovesTheRemindersAndMovingMovesThem() {
        long group = group("Fredagsgruppen", "Fredagsholdet", "2027-02-19T17:00:00+01:00", 2);
        var ids = sessions(group);
        join(group, "Ida", "+4534000031", true, "da");
        join(group, "Sam", "+4534000032", true, "en");

        coordinator.post("/api/groups/" + group + "/sessions/" + ids.get(0) + "/cancel", null);
        var moved = coordinator.post("/api/groups/" + group + "/sessions/" + ids.get(1) + "/move",
                "{\"start\":\"2027-02-27T11:00:00+01:00\"}");

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(service.reminderScheduledAt(ids.get(0), DAY)).isEmpty();
        assertThat(service.reminderScheduledAt(ids.get(0), TWO_HOURS)).isEmpty();
        assertThat(service.reminderScheduledAt(ids.get(1), DAY)).contains(at("2027-02-26T11:00:00+01:00"));
        assertThat(service.reminderScheduledAt(ids.get(1), TWO_HOURS)).contains(at("2027-02-27T09:00:00+01:00"));
        Await.until("both are told of the move", Duration.ofSeconds(10),
                () -> sms.sentTo("+4534000031").size() == 2 && sms.sentTo("+4534000032").size() == 2);
        assertThat(sms.sentTo("+4534000031")).containsExactly(
                "Fredagsholdet: mødet fredag 19/2 kl. 17.00 er aflyst. Vi ses næste gang.",
                "Fredagsholdet: mødet fredag 26/2 kl. 17.00 er flyttet til lørdag 27/2 kl. 11.00.");
        assertThat(sms.sentTo("+4534000032").get(1))
                .isEqualTo("Fredagsholdet: the meeting on Friday 26/2 at 17:00 has moved to Saturday 27/2 at 11:00.");

        // The cancelled session's trigger, had it fired anyway, and the moved one's old time send nothing.
        clock.set(at("2027-02-18T17:00:00+01:00"));
        service.fireReminder(ids.get(0), DAY);
        clock.set(at("2027-02-25T17:00:00+01:00"));
        service.fireReminder(ids.get(1), DAY, at("2027-02-26T17:00:00+01:00"));
        clock.set(at("2027-02-26T11:00:00+01:00"));
        service.fireReminder(ids.get(1), DAY);
        Await.until("the moved reminder is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4534000031").size() == 3);
        assertThat(sms.sentTo("+4534000031").get(2)).contains("lørdag 27/2 kl. 11.00");
        assertThat(outcomes(ids.get(0))).isEmpty();
    }

    @Test
    void theStartupCheckKeepsATriggerThatIsDueLateAndDropsOneForATimeTheSessionNoLongerHas() {
        long group = group("Tirsdagsgruppen B", "Tirsdagsholdet", "2027-03-02T17:00:00+01:00", 2);
        var ids = sessions(group);

        // The service was down over the first session's 24-hour reminder and is back within the grace period.
        clock.set(at("2027-03-01T17:05:00+01:00"));
        var moved = coordinator.post("/api/groups/" + group + "/sessions/" + ids.get(1) + "/move",
                "{\"start\":\"2027-03-02T10:00:00+01:00\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        service.runJob(ReminderCheckJob.class);

        assertThat(service.reminderScheduledAt(ids.get(0), DAY)).as("due late: it is about to fire")
                .contains(at("2027-03-01T17:00:00+01:00"));
        assertThat(service.reminderScheduledAt(ids.get(1), DAY)).as("its old time is gone; its new one has passed").isEmpty();
        assertThat(service.reminderScheduledAt(ids.get(1), TWO_HOURS)).contains(at("2027-03-02T08:00:00+01:00"));
    }

    @Test
    void aReminderWhoseTriggerWasNeverWrittenIsFiredByTheCheckWithinTheGracePeriod() {
        long group = group("Onsdagsgruppen C", "Onsdagsholdet", "2027-03-10T17:00:00+01:00", 1);
        long session = sessions(group).get(0);
        join(group, "Ida", "+4534000081", true, "da");
        // As if the service died between saving the group and writing its triggers.
        service.jdbi().useHandle(h -> {
            h.execute("DELETE FROM qrtz_simple_triggers WHERE trigger_group = 'reminders' AND trigger_name LIKE ?",
                    "session-" + session + "-%");
            h.execute("DELETE FROM qrtz_triggers WHERE trigger_group = 'reminders' AND trigger_name LIKE ?",
                    "session-" + session + "-%");
        });
        assertThat(service.reminderScheduledAt(session, DAY)).isEmpty();

        clock.set(at("2027-03-09T17:05:00+01:00"));
        service.runJob(ReminderCheckJob.class);

        Await.until("the reminder is sent, 5 minutes late", Duration.ofSeconds(20), () -> sms.sentTo("+4534000081").size() == 1);
        assertThat(service.reminderScheduledAt(session, TWO_HOURS)).contains(at("2027-03-10T15:00:00+01:00"));
    }

    @Test
    void aLateJoinerGetsOnlyLaterRemindersAndARemovedParticipantNone() {
        long group = group("Lørdagsgruppen", "Lørdagsholdet", "2027-02-20T13:00:00+01:00", 1);
        long session = sessions(group).get(0);
        long ida = join(group, "Ida", "+4534000041", true, "da");
        clock.set(at("2027-02-19T13:00:00+01:00"));
        service.fireReminder(session, DAY);
        Await.until("the 24-hour reminder is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4534000041").size() == 1);
        clock.set(at("2027-02-19T15:00:00+01:00"));
        join(group, "Sam", "+4534000042", true, "da");
        service.api("DELETE", "/api/groups/" + group + "/participants/" + ida, service.bearer(), null);

        // The 24-hour trigger again (a second instance, a recovery): the late joiner is not sent the past reminder.
        service.fireReminder(session, DAY);
        clock.set(at("2027-02-20T11:00:00+01:00"));
        service.fireReminder(session, TWO_HOURS);

        Await.until("the 2-hour reminder reaches the late joiner", Duration.ofSeconds(10), () -> sms.sentTo("+4534000042").size() == 1);
        assertThat(sms.sentTo("+4534000041")).as("the 24-hour one only; removed before the 2-hour one").hasSize(1);
        assertThat(outcomes(session)).containsExactlyInAnyOrder("sent", "sent");
    }

    @Test
    void aWeeklySessionAcrossTheEndOfSummerTimeIsRemindedAt17LocalTheDayBeforeBothWeeks() {
        long group = group("Søndagsgruppen", "Søndagsholdet", "2027-10-24T17:00:00+02:00", 2);
        var ids = sessions(group);
        join(group, "Ida", "+4534000051", true, "da");

        assertThat(service.reminderScheduledAt(ids.get(0), DAY)).contains(at("2027-10-23T17:00:00+02:00"));
        // 2027-10-31 is the last Sunday of October: the session is at 17:00 CET, its reminder 17:00 CEST the day before.
        assertThat(service.reminderScheduledAt(ids.get(1), DAY)).contains(at("2027-10-30T17:00:00+02:00"));

        clock.set(at("2027-10-23T17:00:00+02:00"));
        service.fireReminder(ids.get(0), DAY);
        Await.until("the first reminder is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4534000051").size() == 1);
        clock.set(at("2027-10-30T17:00:00+02:00"));
        service.fireReminder(ids.get(1), DAY);
        Await.until("both reminders are sent", Duration.ofSeconds(10), () -> sms.sentTo("+4534000051").size() == 2);
        assertThat(sms.sentTo("+4534000051")).allSatisfy(body -> assertThat(body).contains("kl. 17.00"));
        assertThat(sms.sentTo("+4534000051").get(1)).contains("søndag 31/10 kl. 17.00");
    }

    private static Instant at(String offsetTime) {
        return OffsetDateTime.parse(offsetTime).toInstant();
    }

    private static long group(String name, String smsName, String first, int weeks) {
        return coordinator.group(name, smsName, leader, first, weeks);
    }

    private static List<Long> sessions(long group) {
        return coordinator.sessions(group);
    }

    private static long join(long group, String name, String phone, boolean consent, String language) {
        return coordinator.participant(group, name, phone, consent, language);
    }

    private static List<String> outcomes(long session) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT outcome FROM reminders WHERE session_id = :s")
                .bind("s", session).mapTo(String.class).list());
    }

    /** "status:attempts" of the one outbox row to this number (found by what the service stores: its blind index). */
    private static String outboxStatus(String number) {
        var index = new dk.hotline.privacy.BlindIndex(dk.hotline.privacy.EncryptionKey.fromBase64(dk.hotline.testing.TestConfig.ENCRYPTION_KEY))
                .of(dk.hotline.privacy.PhoneNumber.parse(number));
        return service.jdbi().withHandle(h -> h.createQuery("SELECT status || ':' || attempts FROM outbox WHERE recipient_index = :i")
                .bind("i", index).mapTo(String.class).findOne().orElse("none"));
    }

    private static long relayedIn() {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM conversation_messages WHERE direction = 'in'")
                .mapTo(Long.class).one());
    }

    private static Optional<Boolean> attending(long session, long participant) {
        return service.jdbi().withHandle(h -> h.createQuery(
                        "SELECT attending FROM session_attendance WHERE session_id = :s AND participant_id = :p")
                .bind("s", session).bind("p", participant).mapTo(Boolean.class).findOne());
    }
}
