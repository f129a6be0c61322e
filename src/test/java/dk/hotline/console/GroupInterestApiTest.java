package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.hotline.common.Language;
import dk.hotline.groups.GroupInterest;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupInterestApiTest {
    /** Wednesday 25 November 2026, 11:00 in Copenhagen; the groups below start the week after. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private static HotlineFixture hotline;
    private static TestService service;
    private static Coordinator coordinator;
    private static TwilioSms sms;
    private static GroupInterest interest;
    private static long leader;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.startAsConfigured(clock);
        service = hotline.service();
        coordinator = hotline.coordinator();
        sms = hotline.sms();
        leader = coordinator.leader("Maja", "+4520000051", List.of("da"));
        var key = EncryptionKey.fromBase64(TestConfig.ENCRYPTION_KEY);
        interest = new GroupInterest(new PersonalDataCipher(key), new BlindIndex(key), clock);
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void theListIsOldestFirstWithNumbersMaskedAndARevealIsAuditedPerEntry() {
        sms.receive("+4540100011", "GRUPPE");
        clock.advance(Duration.ofMinutes(1));
        long english = add("+4540100012", "en");

        String masked = coordinator.get("/api/group-interest");
        var list = Json.parse(masked);
        var fromSms = Json.withText(list, "phone", "+45 •••• ••11");
        var fromCall = Json.withText(list, "phone", "+45 •••• ••12");
        assertThat(Json.text(fromSms, "language")).isEqualTo("da");
        assertThat(Json.text(fromSms, "source")).isEqualTo("sms");
        assertThat(Json.text(fromCall, "language")).isEqualTo("en");
        assertThat(Json.text(fromCall, "source")).isEqualTo("voice");
        for (JsonNode entry : List.of(fromSms, fromCall)) {
            assertThat(Json.text(entry, "invitedAt")).isNull();
            assertThat(Json.field(entry, "invitedGroupId").isNull()).isTrue();
        }
        assertThat(Json.elements(list).indexOf(fromSms)).as("oldest first").isLessThan(Json.elements(list).indexOf(fromCall));
        assertThat(Json.number(fromCall, "id")).isEqualTo(english);
        assertThat(Json.text(fromCall, "createdAt")).startsWith("2026-11-25T1");
        // Privacy: neither number appears in clear anywhere in the masked list.
        assertThat(masked).doesNotContain("40100011").doesNotContain("40100012");

        int auditsBefore = audits();
        var revealed = Json.parse(coordinator.get("/api/group-interest?reveal=true"));
        assertThat(Json.number(Json.withText(revealed, "phone", "+4540100011"), "id")).isEqualTo(Json.number(fromSms, "id"));
        assertThat(Json.number(Json.withText(revealed, "phone", "+4540100012"), "id")).isEqualTo(english);
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
        var invited = Json.parse(first);
        assertThat(Json.number(invited, "id")).isEqualTo(english);
        assertThat(Json.text(invited, "phone")).isEqualTo("+45 •••• ••21");
        assertThat(Json.text(invited, "invitedAt")).startsWith("2026-11-25T11:0");
        assertThat(Json.number(invited, "invitedGroupId")).isEqualTo(group);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.errorField(again)).isEqualTo("groupId");
        assertThat(Json.text(Json.parse(again), "error")).contains("already invited");
        Await.until("both invitations are sent", Duration.ofSeconds(10),
                () -> sms.sentTo("+4540100021").size() == 1 && sms.sentTo("+4540100022").size() == 2);
        assertThat(sms.sentTo("+4540100021")).containsExactly("Torsdagsholdet: there is a place for you. The first time is "
                + "Thursday 3 December at 17:00. Reply to this message or call this number if you would like to join.");
        assertThat(sms.sentTo("+4540100022")).containsExactly(service.text("da", "smsGroupConfirm"),
                "Torsdagsholdet: Der er en plads til dig. Første gang er torsdag den 3/12 kl. 17.00. Svar på denne besked "
                        + "eller ring til dette nummer, hvis du vil være med.");
        var list = Json.parse(coordinator.get("/api/group-interest"));
        assertThat(Json.number(Json.withId(list, english), "invitedGroupId")).isEqualTo(group);
        assertThat(Json.number(Json.withId(list, danish), "invitedGroupId")).isEqualTo(group);
    }

    @Test
    void theInvitationNamesTheNextSessionAndAGroupWithNoneAheadIsAConflict() {
        long running = group("Mandagsholdet", "2026-11-23T17:00:00+01:00", 6, 2);
        long over = group("Søndagsholdet", "2026-11-22T17:00:00+01:00", 6, 1);
        long person = add("+4540100031", "da");

        var none = invite(person, "{\"groupId\":" + over + "}");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(Json.text(Json.parse(none), "error")).contains("no session ahead");

        assertThat(invite(person, "{\"groupId\":" + running + "}").statusCode()).isEqualTo(200);
        Await.until("the invitation is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4540100031").size() == 1);
        assertThat(sms.sentTo("+4540100031").get(0)).contains("mandag den 30/11 kl. 17.00");
    }

    @Test
    void aFullGroupAnOptedOutPersonUnknownIdsAndBadInputAreRefusedAndNothingIsSent() {
        long full = group("Fredagsholdet", "2026-12-04T17:00:00+01:00", 1, 6);
        coordinator.participant(full, "Deltager", "+4540100049", true, null);
        long open = group("Lørdagsholdet", "2026-12-05T11:00:00+01:00", 6, 6);
        long person = add("+4540100041", "da");
        sms.receive("+4540100042", "GRUPPE");
        sms.receive("+4540100042", "STOP");
        long optedOut = idOf("+45 •••• ••42");

        var isFull = invite(person, "{\"groupId\":" + full + "}");
        var stopped = invite(optedOut, "{\"groupId\":" + open + "}");

        assertThat(isFull.statusCode()).isEqualTo(409);
        assertThat(Json.errorField(isFull)).isEqualTo("groupId");
        assertThat(Json.text(Json.parse(isFull), "error")).contains("full");
        assertThat(stopped.statusCode()).isEqualTo(409);
        assertThat(Json.errorField(stopped)).isEqualTo("phone");
        assertThat(Json.text(Json.parse(stopped), "error")).contains("opted out");
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
        var invitedTo = Json.elements(Json.parse(coordinator.get("/api/group-interest"))).stream()
                .map(e -> Json.field(e, "invitedGroupId")).filter(JsonNode::isIntegralNumber).map(JsonNode::asLong).toList();
        assertThat(invitedTo).doesNotContain(full, open);
    }

    @Test
    void erasingAnEntryTakesTheNumberWithIt() {
        long person = add("+4540100051", "da");

        assertThat(service.api("DELETE", "/api/group-interest/" + person, service.bearer(), null).statusCode()).isEqualTo(204);

        int left = service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM group_interest WHERE id = :id")
                .bind("id", person).mapTo(Integer.class).one());
        assertThat(left).isZero();
        assertThat(Json.ids(Json.parse(coordinator.get("/api/group-interest")))).doesNotContain(person);
        assertThat(service.api("DELETE", "/api/group-interest/" + person, service.bearer(), null).statusCode()).isEqualTo(404);
    }

    private static long add(String phone, String language) {
        service.jdbi().useTransaction(tx -> interest.add(tx, PhoneNumber.parse(phone), Language.of(language), "voice"));
        return idOf(PhoneNumber.parse(phone).masked());
    }

    /** The id of the listed entry whose masked number is {@code masked}. */
    private static long idOf(String masked) {
        return Json.number(Json.withText(Json.parse(coordinator.get("/api/group-interest")), "phone", masked), "id");
    }

    /** A group that has begun (or ended) by now was made before its first session: the clock goes back for it. */
    private static long group(String smsName, String first, int capacity, int weeks) {
        Instant now = clock.instant();
        Instant dayBefore = java.time.OffsetDateTime.parse(first).toInstant().minus(Duration.ofDays(1));
        clock.set(dayBefore.isBefore(now) ? dayBefore : now);
        try {
            return Json.number(coordinator.group(smsName, smsName, leader, first, weeks, capacity), "id");
        } finally {
            clock.set(now);
        }
    }

    private static HttpResponse<String> invite(long entry, String json) {
        return coordinator.post("/api/group-interest/" + entry + "/invite", json);
    }

    private static void assertBadRequest(HttpResponse<String> response, String field) {
        assertThat(Json.badRequestField(response)).isEqualTo(field);
    }

    private static int audits() {
        return service.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_log WHERE action = 'reveal' AND subject LIKE 'group-interest:%'").mapTo(Integer.class).one());
    }

    private static int entries() {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM group_interest").mapTo(Integer.class).one());
    }
}
