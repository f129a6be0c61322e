package dk.hotline.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupApiTest {
    private static HotlineFixture hotline;
    private static TestService service;
    private static Coordinator coordinator;
    private static TwilioSms sms;
    private static long leader;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start();
        service = hotline.service();
        coordinator = hotline.coordinator();
        sms = hotline.sms();
        leader = coordinator.leader("Maja", "+4520000041", List.of("da"));
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void weeklySessionsKeepTheirLocalTimeAcrossTheEndOfSummerTime() {
        var created = coordinator.group("Torsdagsgruppen", "Torsdagsholdet", leader, "2027-10-24T17:00:00+02:00", 2, null);

        assertThat(Json.number(created, "capacity")).isEqualTo(6);
        assertThat(Json.text(created, "smsName")).isEqualTo("Torsdagsholdet");
        var sessions = Json.elements(Json.field(created, "sessions"));
        assertThat(sessions).extracting(s -> Json.text(s, "start"), s -> Json.text(s, "end"), s -> Json.text(s, "status"))
                .containsExactly(tuple("2027-10-24T17:00:00+02:00", "2027-10-24T19:00:00+02:00", "scheduled"),
                        tuple("2027-10-31T17:00:00+01:00", "2027-10-31T19:00:00+01:00", "scheduled"));
        long id = Json.number(created, "id");
        assertThat(coordinator.sessions(id)).isEqualTo(Json.ids(Json.field(created, "sessions")));
    }

    @Test
    void aSeventhParticipantIsRefusedAndANumberJoinsOnce() {
        long id = group("Mandagsgruppen", "Mandagsholdet", "2027-01-04T17:00:00+01:00", 6);
        for (int i = 0; i < 6; i++) {
            assertThat(join(id, "+4531000" + (100 + i), true).statusCode()).isEqualTo(201);
        }

        var seventh = join(id, "+4531000200", true);
        assertThat(seventh.statusCode()).isEqualTo(409);
        assertThat(Json.errorField(seventh)).isEqualTo("capacity");
        long other = group("Tirsdagsgruppen", "Tirsdagsholdet", "2027-01-05T17:00:00+01:00", 6);
        assertThat(join(other, "+4531000300", true).statusCode()).isEqualTo(201);
        assertThat(join(other, "31000300", true).statusCode()).isEqualTo(409);
    }

    @Test
    void anSmsNameThatRevealsTheServiceIsRefused() {
        var response = coordinator.post("/api/groups", "{\"name\":\"X\",\"smsName\":\"Gruppe for ofre for vold\",\"location\":\"Kbh\","
                + "\"leaderId\":" + leader + ",\"firstSession\":\"2027-01-04T17:00:00+01:00\",\"weeks\":6,\"durationMinutes\":120}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.errorField(response)).isEqualTo("smsName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Gruppe mod v\u00f3ld", "Gruppe mod \uff36old", "Gruppe mod V.o.l.d", "Gruppe mod V o l d",
            "Gruppe mod VO\u200bLD"})
    void anSmsNameThatHidesARevealingWordIsRefusedWithoutEchoingIt(String smsName) {
        var response = coordinator.post("/api/groups", "{\"name\":\"X\",\"smsName\":\"" + smsName + "\",\"location\":\"Kbh\","
                + "\"leaderId\":" + leader + ",\"firstSession\":\"2027-01-04T17:00:00+01:00\",\"weeks\":6,\"durationMinutes\":120}");

        assertThat(response.statusCode()).as(smsName).isEqualTo(400);
        assertThat(Json.errorField(response)).isEqualTo("smsName");
        assertThat(response.body()).doesNotContain(smsName).doesNotContain("Gruppe mod");
    }

    @Test
    void cancellingASessionTextsEachConsentingParticipantOnceAndNobodyWhoOptedOut() {
        long id = group("Onsdagsgruppen", "Onsdagsholdet", "2027-01-06T17:00:00+01:00", 6);
        join(id, "+4532000001", true);
        join(id, "+4532000002", false);
        join(id, "+4532000003", true);
        sms.receive("+4532000003", "STOP");
        // Sent by the outbox's own threads, in parallel with what follows: wait for it so the last check is not a race.
        Await.until("the STOP confirmation is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4532000003").size() == 1);
        long session = coordinator.sessions(id).get(0);

        var cancelled = coordinator.post("/api/groups/" + id + "/sessions/" + session + "/cancel", null);
        coordinator.post("/api/groups/" + id + "/sessions/" + session + "/cancel", null);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(Json.text(Json.withId(Json.field(Json.parse(cancelled), "sessions"), session), "status")).isEqualTo("cancelled");
        Await.until("the text is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4532000001").size() == 1);
        assertThat(sms.sentTo("+4532000001")).containsExactly("Onsdagsholdet: mødet onsdag 6/1 kl. 17.00 er aflyst. Vi ses næste gang.");
        assertThat(sms.sentTo("+4532000002")).as("no consent, no text").isEmpty();
        assertThat(sms.sentTo("+4532000003")).as("opted out: only the STOP confirmation")
                .containsExactly(service.text("da", "smsStopConfirm"));
    }

    @Test
    void removingAParticipantErasesTheirNumberAndUnknownOnesAre404() {
        long id = group("Fredagsgruppen", "Fredagsholdet", "2027-01-08T17:00:00+01:00", 6);
        long pid = Json.id(join(id, "+4533000001", true));

        assertThat(service.api("DELETE", "/api/groups/" + id + "/participants/" + pid, service.bearer(), null).statusCode()).isEqualTo(204);

        boolean kept = service.jdbi().withHandle(h -> h.createQuery("SELECT phone_sealed IS NOT NULL FROM group_participants WHERE id = :id")
                .bind("id", pid).mapTo(Boolean.class).one());
        assertThat(kept).isFalse();
        assertThat(service.api("DELETE", "/api/groups/" + id + "/participants/" + pid, service.bearer(), null).statusCode()).isEqualTo(404);
        assertThat(service.api("GET", "/api/groups/999999", service.bearer(), null).statusCode()).isEqualTo(404);
        assertThat(join(999_999, "+4533000002", true).statusCode()).isEqualTo(404);
    }

    private static long group(String name, String smsName, String first, int weeks) {
        return coordinator.group(name, smsName, leader, first, weeks);
    }

    private static java.net.http.HttpResponse<String> join(long groupId, String phone, boolean consent) {
        return coordinator.join(groupId, "Deltager", phone, consent, null);
    }
}
