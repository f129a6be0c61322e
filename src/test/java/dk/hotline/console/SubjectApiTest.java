package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.LogCapture;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person's access request through {@code GET /api/subjects/{phone}}: everything the number did
 * is in the export, the words only when asked for, the leaders by name and never by number; only
 * coordinators may ask, each asking is audited without the number, and the number in the path
 * reaches no log line.
 */
class SubjectApiTest {
    private static final String PERSON = "+4530112234";
    private static final String LEADER_PHONE = "+4520000061";
    private static final MutableClock clock = new MutableClock(SubjectStage.START);
    private static HotlineFixture hotline;
    private static TestService service;
    private static String bearer;
    private static SubjectStage.Story story;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        service = hotline.service();
        bearer = service.bearer();
        story = new SubjectStage(service, hotline.coordinator(), hotline.sms(), clock).play(PERSON, "Anna", LEADER_PHONE);
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void theExportHoldsTheCallTheConversationTheGroupAndTheCallbackWithoutWords() {
        var response = service.api("GET", path("+45 30 11 22 34", ""), bearer, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode export = Json.parse(response);
        assertThat(Json.text(export, "phone")).isEqualTo("+45 •••• ••34");
        assertThat(Json.text(Json.withId(export.get("leaders"), story.leader()), "name")).isEqualTo("Anna");

        JsonNode call = single(export, "calls");
        assertThat(Json.text(call, "callSid")).isEqualTo(story.callSid());
        assertThat(Json.text(call, "outcome")).isEqualTo("answered");
        assertThat(Json.number(call, "answeredBy")).isEqualTo(story.leader());

        JsonNode conversation = single(export, "conversations");
        assertThat(Json.number(conversation, "id")).isEqualTo(story.conversation());
        assertThat(Json.number(conversation, "leaderId")).isEqualTo(story.leader());
        List<JsonNode> texts = Json.elements(conversation.get("texts"));
        assertThat(texts).extracting(t -> t.get("direction").asText()).containsExactly("in", "out");
        assertThat(texts).allSatisfy(t -> {
            assertThat(t.get("wordsKept").asBoolean()).isTrue();
            assertThat(t.get("words").isNull()).as("no words unless asked for").isTrue();
        });

        JsonNode participation = single(export, "groupParticipations");
        assertThat(Json.number(participation, "groupId")).isEqualTo(story.group());
        assertThat(Json.text(participation, "name")).isEqualTo("Ida");
        JsonNode answer = Json.elements(participation.get("attendance")).get(0);
        assertThat(Json.number(answer, "sessionId")).isEqualTo(story.session());
        assertThat(Json.bool(answer, "attending")).isTrue();
        assertThat(Json.elements(participation.get("reminders"))).extracting(r -> r.get("outcome").asText()).containsExactly("sent");

        assertThat(Json.text(single(export, "groupInterest"), "source")).isEqualTo("sms");
        assertThat(Json.text(single(export, "callbackRequests"), "source")).isEqualTo("sms");
        assertThat(Json.elements(export.get("notes"))).hasSize(2).allSatisfy(n -> assertThat(n.get("words").isNull()).isTrue());
        assertThat(Json.elements(export.get("sent"))).extracting(s -> s.get("kind").asText())
                .contains("reminder", "attendance", "group-interest", "relay-out", "callback-confirmed");
        assertThat(Json.elements(export.get("sent"))).allSatisfy(s -> assertThat(s.get("words").isNull()).isTrue());
        assertThat(Json.bool(export.get("optOut"), "optedOut")).isFalse();
        assertThat(Json.bool(export.get("blocklist"), "blocked")).isFalse();

        assertThat(response.body()).as("neither the person's number nor the leader's in clear")
                .doesNotContain("30112234", "20000061", SubjectStage.FIRST_TEXT, SubjectStage.CALL_NOTE);
    }

    @Test
    void theNumberMayBeWrittenInTheUrlAsCurlSendsIt() {
        for (String path : List.of("/api/subjects/+4530112234", "/api/subjects/%2B4530112234", "/api/subjects/30112234",
                "/api/subjects/0045%2030%2011%2022%2034")) {
            var response = service.api("GET", path, bearer, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(Json.elements(Json.parse(response).get("calls"))).as(path).hasSize(1);
        }
    }

    @Test
    void theWordsAreShownOnlyWithWordsTrue() {
        JsonNode export = Json.parse(service.api("GET", path(PERSON, "?words=true&reason=indsigt"), bearer, null));

        assertThat(Json.bool(export, "words")).isTrue();
        assertThat(Json.elements(single(export, "conversations").get("texts"))).extracting(t -> t.get("words").asText())
                .containsExactly(SubjectStage.FIRST_TEXT, SubjectStage.LEADER_REPLY);
        assertThat(Json.elements(export.get("notes"))).extracting(n -> n.get("words").asText())
                .containsExactly(SubjectStage.CALL_NOTE, SubjectStage.CONVERSATION_NOTE);
        assertThat(Json.elements(export.get("sent"))).anySatisfy(s ->
                assertThat(s.get("words").asText()).isEqualTo(SubjectStage.LEADER_REPLY));
    }

    @Test
    void everyAccessIsAuditedAndTheAuditNamesTheNumberOnlyByItsLastTwoDigits() {
        long before = audited("subject.access");
        long wordsBefore = audited("subject.words");

        service.api("GET", path("30112234", ""), bearer, null);
        service.api("GET", path("0045 30112234", "?words=true&reason=anmodning%20om%20indsigt"), bearer, null);

        assertThat(audited("subject.access")).isEqualTo(before + 2);
        assertThat(audited("subject.words")).isEqualTo(wordsBefore + 1);
        List<String> subjects = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT subject FROM audit_log WHERE action LIKE 'subject.%'").mapTo(String.class).list());
        assertThat(subjects).isNotEmpty().allSatisfy(s -> assertThat(s).isEqualTo("phone:…34"));
        List<String> addresses = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT coalesce(address, '') FROM audit_log WHERE action LIKE 'subject.%'").mapTo(String.class).list());
        assertThat(addresses).as("from where each was asked").isNotEmpty().allSatisfy(a -> assertThat(a).matches("127\\.0\\.0\\.1|.*:.*"));
        long withReason = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_log WHERE action = 'subject.words' AND reason = 'anmodning om indsigt'")
                .mapTo(Long.class).one());
        assertThat(withReason).isEqualTo(1);
    }

    @Test
    void aLeaderMayNotAskAndWhatIsNotANumberIsRefusedNamingPhone() {
        String leaderToken = hotline.coordinator().leaderAccount(story.leader(), "anna@example.org", "a-long-enough-password");

        assertThat(service.api("GET", path(PERSON, ""), leaderToken, null).statusCode()).isEqualTo(403);
        assertThat(service.api("DELETE", path(PERSON, ""), leaderToken, null).statusCode()).isEqualTo(403);
        var notANumber = service.api("GET", path("hej med dig", ""), bearer, null);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(Json.badRequestField(notANumber)).isEqualTo("phone");
        var leaders = service.api("GET", path(LEADER_PHONE, "?words=true"), bearer, null);
        assertThat(leaders.statusCode()).as("a leader's number holds others' words relayed to it").isEqualTo(409);
        assertThat(Json.errorField(leaders)).isEqualTo("phone");
        assertThat(service.api("DELETE", path(LEADER_PHONE, ""), bearer, null).statusCode()).isEqualTo(409);
        var badWords = service.api("GET", path(PERSON, "?words=ja"), bearer, null);
        assertThat(Json.badRequestField(badWords)).isEqualTo("words");
        assertThat(service.api("GET", path(PERSON, ""), null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theNumberInThePathReachesNoLogLine() {
        try (var logs = new LogCapture()) {
            service.api("GET", path(PERSON, ""), bearer, null);
            service.api("GET", path("30 11 22 34", "?words=true"), bearer, null);
            service.api("GET", "/api/subjects/" + PERSON, bearer, null);
            service.api("GET", path("3011223", ""), bearer, null);
            service.api("GET", path("+45 30 11 22 34 99 99", ""), bearer, null);

            assertThat(logs.lines()).as("something was logged").anyMatch(l -> l.contains("event=http"));
            assertThat(logs.lines()).noneMatch(l -> l.replaceAll("[^0-9]", "").contains("30112234"))
                    .noneMatch(l -> l.replaceAll("[^0-9]", "").contains("3011223"));
        }
    }

    private static long audited(String action) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE action = :a")
                .bind("a", action).mapTo(Long.class).one());
    }

    private static JsonNode single(JsonNode export, String kind) {
        List<JsonNode> all = Json.elements(export.get(kind));
        assertThat(all).as(kind).hasSize(1);
        return all.get(0);
    }

    static String path(String phone, String query) {
        return "/api/subjects/" + URLEncoder.encode(phone, StandardCharsets.UTF_8).replace("+", "%20") + query;
    }
}
