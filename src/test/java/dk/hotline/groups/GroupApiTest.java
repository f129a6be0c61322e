package dk.hotline.groups;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupApiTest {
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static TestService service;
    private static Coordinator coordinator;
    private static TwilioSms sms;
    private static long leader;

    @BeforeAll
    static void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        service = TestService.start(twilio.baseUrl());
        coordinator = new Coordinator(service);
        sms = new TwilioSms(service, twilio);
        leader = coordinator.leader("Maja", "+4520000041", List.of("da"));
    }

    @AfterAll
    static void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void weeklySessionsKeepTheirLocalTimeAcrossTheEndOfSummerTime() {
        var created = create("Torsdagsgruppen", "Torsdagsholdet", "2027-10-24T17:00:00+02:00", 2);

        assertThat(created).contains("\"capacity\":6").contains("\"smsName\":\"Torsdagsholdet\"")
                .contains("\"start\":\"2027-10-24T17:00:00+02:00\"").contains("\"end\":\"2027-10-24T19:00:00+02:00\"")
                .contains("\"start\":\"2027-10-31T17:00:00+01:00\"").contains("\"status\":\"scheduled\"");
        String id = idOf(created);
        assertThat(coordinator.get("/api/groups/" + id)).contains("\"sessions\":[");
    }

    @Test
    void aSeventhParticipantIsRefusedAndANumberJoinsOnce() {
        String id = idOf(create("Mandagsgruppen", "Mandagsholdet", "2027-01-04T17:00:00+01:00", 6));
        for (int i = 0; i < 6; i++) {
            assertThat(join(id, "+4531000" + (100 + i), true).statusCode()).isEqualTo(201);
        }

        var seventh = join(id, "+4531000200", true);
        assertThat(seventh.statusCode()).isEqualTo(409);
        assertThat(seventh.body()).contains("\"field\":\"capacity\"");
        String other = idOf(create("Tirsdagsgruppen", "Tirsdagsholdet", "2027-01-05T17:00:00+01:00", 6));
        assertThat(join(other, "+4531000300", true).statusCode()).isEqualTo(201);
        assertThat(join(other, "31000300", true).statusCode()).isEqualTo(409);
    }

    @Test
    void anSmsNameThatRevealsTheServiceIsRefused() {
        var response = coordinator.post("/api/groups", "{\"name\":\"X\",\"smsName\":\"Gruppe for ofre for vold\",\"location\":\"Kbh\","
                + "\"leaderId\":" + leader + ",\"firstSession\":\"2027-01-04T17:00:00+01:00\",\"weeks\":6,\"durationMinutes\":120}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"smsName\"");
    }

    @Test
    void cancellingASessionTextsEachConsentingParticipantOnceAndNobodyWhoOptedOut() {
        String id = idOf(create("Onsdagsgruppen", "Onsdagsholdet", "2027-01-06T17:00:00+01:00", 6));
        join(id, "+4532000001", true);
        join(id, "+4532000002", false);
        join(id, "+4532000003", true);
        sms.receive("+4532000003", "STOP");
        String session = coordinator.get("/api/groups/" + id).replaceFirst("(?s).*\"sessions\":\\[\\{\"id\":(\\d+).*", "$1");

        var cancelled = coordinator.post("/api/groups/" + id + "/sessions/" + session + "/cancel", null);
        coordinator.post("/api/groups/" + id + "/sessions/" + session + "/cancel", null);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"status\":\"cancelled\"");
        Await.until("the text is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4532000001").size() == 1);
        assertThat(sms.sentTo("+4532000001")).containsExactly("Onsdagsholdet: mødet onsdag 6/1 kl. 17.00 er aflyst. Vi ses næste gang.");
        assertThat(sms.sentTo("+4532000002")).as("no consent, no text").isEmpty();
        assertThat(sms.sentTo("+4532000003")).as("opted out: only the STOP confirmation")
                .containsExactly(service.text("da", "smsStopConfirm"));
    }

    @Test
    void removingAParticipantErasesTheirNumberAndUnknownOnesAre404() {
        String id = idOf(create("Fredagsgruppen", "Fredagsholdet", "2027-01-08T17:00:00+01:00", 6));
        String pid = idOf(join(id, "+4533000001", true).body());

        assertThat(service.api("DELETE", "/api/groups/" + id + "/participants/" + pid, service.bearer(), null).statusCode()).isEqualTo(204);

        boolean kept = service.jdbi().withHandle(h -> h.createQuery("SELECT phone_sealed IS NOT NULL FROM group_participants WHERE id = :id")
                .bind("id", Long.parseLong(pid)).mapTo(Boolean.class).one());
        assertThat(kept).isFalse();
        assertThat(service.api("DELETE", "/api/groups/" + id + "/participants/" + pid, service.bearer(), null).statusCode()).isEqualTo(404);
        assertThat(service.api("GET", "/api/groups/999999", service.bearer(), null).statusCode()).isEqualTo(404);
        assertThat(join("999999", "+4533000002", true).statusCode()).isEqualTo(404);
    }

    private static String create(String name, String smsName, String first, int weeks) {
        var response = coordinator.post("/api/groups", "{\"name\":\"" + name + "\",\"smsName\":\"" + smsName + "\",\"location\":\"Kbh\","
                + "\"leaderId\":" + leader + ",\"firstSession\":\"" + first + "\",\"weeks\":" + weeks + ",\"durationMinutes\":120}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    private static java.net.http.HttpResponse<String> join(String groupId, String phone, boolean consent) {
        return coordinator.post("/api/groups/" + groupId + "/participants",
                "{\"name\":\"Deltager\",\"phone\":\"" + phone + "\",\"smsConsent\":" + consent + "}");
    }

    private static String idOf(String json) {
        return json.replaceFirst("(?s)^\\{\"id\":(\\d+).*", "$1");
    }
}
