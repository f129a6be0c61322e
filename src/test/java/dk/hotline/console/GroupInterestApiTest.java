package dk.hotline.console;

import dk.hotline.common.Language;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.groups.GroupInterest;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupInterestApiTest {
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    /** Wednesday 25 November 2026, 11:00 in Copenhagen; the groups below start the week after. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private static TestService service;
    private static Coordinator coordinator;
    private static TwilioSms sms;
    private static GroupInterest interest;
    private static long leader;

    @BeforeAll
    static void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        service = TestService.start(twilio.baseUrl(), UnaryOperator.identity(), clock);
        coordinator = new Coordinator(service);
        sms = new TwilioSms(service, twilio);
        leader = coordinator.leader("Maja", "+4520000051", List.of("da"));
        var key = EncryptionKey.fromBase64(TestConfig.ENCRYPTION_KEY);
        interest = new GroupInterest(new PersonalDataCipher(key), new BlindIndex(key), clock);
    }

    @AfterAll
    static void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void theListIsOldestFirstWithNumbersMaskedAndARevealIsAuditedPerEntry() {
        sms.receive("+4540100011", "GRUPPE");
        clock.advance(Duration.ofMinutes(1));
        long english = add("+4540100012", "en");

        String masked = coordinator.get("/api/group-interest");
        assertThat(masked).contains("\"phone\":\"+45 •••• ••11\",\"language\":\"da\",\"source\":\"sms\"")
                .contains("\"phone\":\"+45 •••• ••12\",\"language\":\"en\",\"source\":\"voice\"")
                .contains("\"invitedAt\":null,\"invitedGroupId\":null")
                .doesNotContain("40100011").doesNotContain("40100012");
        assertThat(masked.indexOf("••11")).as("oldest first").isLessThan(masked.indexOf("••12"));
        assertThat(masked).contains("{\"id\":" + english + ",").contains("\"createdAt\":\"2026-11-25T1");

        int auditsBefore = audits();
        String revealed = coordinator.get("/api/group-interest?reveal=true");
        assertThat(revealed).contains("\"phone\":\"+4540100011\"").contains("\"phone\":\"+4540100012\"");
        assertThat(audits() - auditsBefore).as("one audit row per entry shown").isEqualTo(entries());
        assertThat(service.api("GET", "/api/group-interest?reveal=yes", service.bearer(), null).statusCode()).isEqualTo(400);
        assertThat(service.api("GET", "/api/group-interest", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anInvitationIsTextedOnceInThePersonsLanguageWithoutTheLocation() {
        long group = group("Torsdagsholdet", "2026-12-03T17:00:00+01:00", 6, 6);
        long english = add("+4540100021", "en");
        sms.receive("+4540100022", "GRUPPE");
        long danish = idOf("+45 •••• ••22");

        var first = invite(english, "{\"groupId\":" + group + "}");
        var again = invite(english, "{\"groupId\":" + group + "}");
        assertThat(invite(danish, "{\"groupId\":" + group + "}").statusCode()).isEqualTo(200);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"id\":" + english).contains("\"phone\":\"+45 •••• ••21\"")
                .contains("\"invitedAt\":\"2026-11-25T11:0").contains("\"invitedGroupId\":" + group);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"field\":\"groupId\"").contains("already invited");
        Await.until("both invitations are sent", Duration.ofSeconds(10),
                () -> sms.sentTo("+4540100021").size() == 1 && sms.sentTo("+4540100022").size() == 2);
        assertThat(sms.sentTo("+4540100021")).containsExactly("Torsdagsholdet: there is a place for you. The first time is "
                + "Thursday 3 December at 17:00. Reply to this message or call this number if you would like to join.");
        assertThat(sms.sentTo("+4540100022")).containsExactly(service.text("da", "smsGroupConfirm"),
                "Torsdagsholdet: Der er en plads til dig. Første gang er torsdag den 3/12 kl. 17.00. Svar på denne besked "
                        + "eller ring til dette nummer, hvis du vil være med.");
        assertThat(coordinator.get("/api/group-interest")).contains("\"invitedGroupId\":" + group);
    }

    @Test
    void theInvitationNamesTheNextSessionAndAGroupWithNoneAheadIsAConflict() {
        long running = group("Mandagsholdet", "2026-11-23T17:00:00+01:00", 6, 2);
        long over = group("Søndagsholdet", "2026-11-22T17:00:00+01:00", 6, 1);
        long person = add("+4540100031", "da");

        var none = invite(person, "{\"groupId\":" + over + "}");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(none.body()).contains("no session ahead");

        assertThat(invite(person, "{\"groupId\":" + running + "}").statusCode()).isEqualTo(200);
        Await.until("the invitation is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4540100031").size() == 1);
        assertThat(sms.sentTo("+4540100031").get(0)).contains("mandag den 30/11 kl. 17.00");
    }

    @Test
    void aFullGroupAnOptedOutPersonUnknownIdsAndBadInputAreRefusedAndNothingIsSent() {
        long full = group("Fredagsholdet", "2026-12-04T17:00:00+01:00", 1, 6);
        var joined = coordinator.post("/api/groups/" + full + "/participants",
                "{\"name\":\"Deltager\",\"phone\":\"+4540100049\",\"smsConsent\":true}");
        assertThat(joined.statusCode()).isEqualTo(201);
        long open = group("Lørdagsholdet", "2026-12-05T11:00:00+01:00", 6, 6);
        long person = add("+4540100041", "da");
        sms.receive("+4540100042", "GRUPPE");
        sms.receive("+4540100042", "STOP");
        long optedOut = idOf("+45 •••• ••42");

        var isFull = invite(person, "{\"groupId\":" + full + "}");
        var stopped = invite(optedOut, "{\"groupId\":" + open + "}");

        assertThat(isFull.statusCode()).isEqualTo(409);
        assertThat(isFull.body()).contains("\"field\":\"groupId\"").contains("full");
        assertThat(stopped.statusCode()).isEqualTo(409);
        assertThat(stopped.body()).contains("\"field\":\"phone\"").contains("opted out");
        assertThat(invite(999_999, "{\"groupId\":" + open + "}").statusCode()).isEqualTo(404);
        assertThat(invite(person, "{\"groupId\":999999}").statusCode()).isEqualTo(404);
        assertBadRequest(invite(person, "{}"), "groupId");
        assertBadRequest(invite(person, "{\"groupId\":\"first\"}"), "groupId");
        assertBadRequest(invite(person, "{\"group\":1}"), "group");
        assertBadRequest(service.api("POST", "/api/group-interest/x/invite", service.bearer(), "{\"groupId\":" + open + "}"), "id");
        int invites = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM outbox WHERE dedupe_key IN (:a, :b)")
                .bind("a", "group-invite:" + person + ":" + full).bind("b", "group-invite:" + optedOut + ":" + open)
                .mapTo(Integer.class).one());
        assertThat(invites).isZero();
        assertThat(coordinator.get("/api/group-interest")).doesNotContain("\"invitedGroupId\":" + full)
                .doesNotContain("\"invitedGroupId\":" + open);
    }

    @Test
    void erasingAnEntryTakesTheNumberWithIt() {
        long person = add("+4540100051", "da");

        assertThat(service.api("DELETE", "/api/group-interest/" + person, service.bearer(), null).statusCode()).isEqualTo(204);

        int left = service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM group_interest WHERE id = :id")
                .bind("id", person).mapTo(Integer.class).one());
        assertThat(left).isZero();
        assertThat(coordinator.get("/api/group-interest")).doesNotContain("\"id\":" + person + ",");
        assertThat(service.api("DELETE", "/api/group-interest/" + person, service.bearer(), null).statusCode()).isEqualTo(404);
    }

    private static long add(String phone, String language) {
        service.jdbi().useTransaction(tx -> interest.add(tx, PhoneNumber.parse(phone), Language.of(language), "voice"));
        return idOf(PhoneNumber.parse(phone).masked());
    }

    /** The id of the listed entry whose masked number is {@code masked}. */
    private static long idOf(String masked) {
        String list = coordinator.get("/api/group-interest");
        String marker = "\"phone\":\"" + masked + "\"";
        assertThat(list).contains(marker);
        String before = list.substring(0, list.indexOf(marker));
        return Long.parseLong(before.replaceFirst("(?s).*\\{\"id\":(\\d+),$", "$1"));
    }

    private static long group(String smsName, String first, int capacity, int weeks) {
        var response = coordinator.post("/api/groups", "{\"name\":\"" + smsName + "\",\"smsName\":\"" + smsName
                + "\",\"location\":\"Kbh\",\"leaderId\":" + leader + ",\"capacity\":" + capacity + ",\"firstSession\":\""
                + first + "\",\"weeks\":" + weeks + ",\"durationMinutes\":120}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Long.parseLong(response.body().replaceFirst("(?s)^\\{\"id\":(\\d+).*", "$1"));
    }

    private static HttpResponse<String> invite(long entry, String json) {
        return coordinator.post("/api/group-interest/" + entry + "/invite", json);
    }

    private static void assertBadRequest(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    private static int audits() {
        return service.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_log WHERE action = 'reveal' AND subject LIKE 'group-interest:%'").mapTo(Integer.class).one());
    }

    private static int entries() {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM group_interest").mapTo(Integer.class).one());
    }
}
