package dk.hotline.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.hotline.db.DatabaseUrl;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PersonalDataException;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.Await;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.twilio.TwilioStubs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person's erasure request through {@code DELETE /api/subjects/{phone}}: afterwards a dump of
 * the whole database holds neither the number's blind index nor any sealed value that opens to the
 * number or the person's words; the statistics keep their counts; the voicemail is deleted at
 * Twilio; the number calling or texting again is a first contact; and an opt-out survives it.
 */
class SubjectErasureTest {
    private static final String PERSON = "+4530556678";
    private static final String OPTED_OUT = "+4530998877";
    private static final String BLOCKED = "+4530998866";
    private static final String LEADER_PHONE = "+4520000071";
    private static final String RECORDING = "RE" + "0123456789abcdef0123456789abcd01";
    /** A bytea value as pg_dump writes it in COPY data: {@code \\x} and hex digits. */
    private static final Pattern BYTEA = Pattern.compile("\\\\\\\\x([0-9a-f]+)");
    private static final MutableClock clock = new MutableClock(SubjectStage.START);
    private static final EncryptionKey KEY = EncryptionKey.fromBase64(TestConfig.ENCRYPTION_KEY);
    private static HotlineFixture hotline;
    private static TestService service;
    private static String bearer;
    private static SubjectStage.Story story;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        service = hotline.service();
        bearer = service.bearer();
        story = new SubjectStage(service, hotline.coordinator(), hotline.sms(), clock).play(PERSON, "Bodil", LEADER_PHONE);
        // A voicemail left on the person's call (no step of the default flow records one).
        service.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO voicemails (call_sid, recording_sid, duration_secs, language, discarded, created_at)
                VALUES (:c, :r, 14, 'da', FALSE, now())""").bind("c", story.callSid()).bind("r", RECORDING).execute());
        hotline.twilio().stubFor(delete(urlPathMatching("/2010-04-01/Accounts/[^/]+/Recordings/.*"))
                .willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void afterErasureTheDatabaseHoldsNoTraceOfTheNumberAndItsWordsButTheCountsStay() throws Exception {
        Map<String, Long> countsBefore = counts();
        List<String> words = List.of(SubjectStage.FIRST_TEXT, SubjectStage.LEADER_REPLY, SubjectStage.CALL_NOTE,
                SubjectStage.CONVERSATION_NOTE);
        String before = dump();
        assertThat(before).as("the scan finds the blind index before").contains(indexHex(PERSON));
        assertThat(opened(before)).as("and sealed values that open to the number and the words")
                .anyMatch(v -> v.contains(PERSON)).anyMatch(v -> v.contains(SubjectStage.FIRST_TEXT));

        var response = service.api("DELETE", SubjectApiTest.path(PERSON, "?reason=anmodning%20om%20sletning"), bearer, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = Json.parse(response);
        JsonNode erased = answer.get("erased");
        assertThat(erased.get("calls").asInt()).isEqualTo(1);
        assertThat(erased.get("conversations").asInt()).isEqualTo(1);
        assertThat(erased.get("notes").asInt()).isEqualTo(2);
        assertThat(erased.get("groupParticipations").asInt()).isEqualTo(1);
        assertThat(erased.get("groupInterest").asInt()).isEqualTo(1);
        assertThat(erased.get("callbackRequests").asInt()).isEqualTo(1);
        assertThat(erased.get("voicemails").asInt()).isEqualTo(1);
        assertThat(erased.get("sent").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(Json.elements(answer.get("kept"))).as("nothing kept: the number never opted out").isEmpty();

        String after = dump();
        assertThat(after).doesNotContain(indexHex(PERSON)).doesNotContain("30556678");
        List<String> openedAfter = opened(after);
        assertThat(openedAfter).as("sealed values still there (the leader's number, other texts)").isNotEmpty();
        assertThat(openedAfter).noneMatch(v -> v.contains(PERSON) || v.contains("30556678"));
        for (String w : words) {
            assertThat(openedAfter).as("no sealed value holds the words").noneMatch(v -> v.contains(w));
            assertThat(after).doesNotContain(w);
        }
        assertThat(counts()).as("rows the statistics count stay").isEqualTo(countsBefore);
        long audited = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_log WHERE action = 'subject.erasure' AND subject = 'phone:…78'")
                .mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1L);

        hotline.twilio().verify(deleteRequestedFor(urlPathEqualTo(
                "/2010-04-01/Accounts/" + TwilioStubs.ACCOUNT_SID + "/Recordings/" + RECORDING + ".json")));
        boolean deleted = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT deleted_at IS NOT NULL FROM voicemails WHERE recording_sid = :r").bind("r", RECORDING)
                .mapTo(Boolean.class).one());
        assertThat(deleted).as("marked deleted once Twilio confirmed").isTrue();

        JsonNode export = Json.parse(service.api("GET", SubjectApiTest.path(PERSON, ""), bearer, null));
        for (String kind : List.of("calls", "conversations", "callbackRequests", "followups", "groupParticipations",
                "groupInterest", "sent", "notes")) {
            assertThat(Json.elements(export.get(kind))).as(kind).isEmpty();
        }
        assertThat(Json.bool(export.get("optOut"), "optedOut")).isFalse();

        // Calling and texting again is a first contact: a new call, and a new conversation rather than the old one continued.
        clock.set(SubjectStage.START.plus(Duration.ofHours(1)));
        String newCall = new SubjectStage(service, hotline.coordinator(), hotline.sms(), clock).answeredCall(PERSON, story.leader());
        int leaderHad = hotline.sms().sentTo(LEADER_PHONE).size();
        hotline.sms().receive(PERSON, "Hej igen");
        Await.until("the text reaches the leader", Await.SOON, () -> hotline.sms().sentTo(LEADER_PHONE).size() > leaderHad);
        List<String> toLeader = hotline.sms().sentTo(LEADER_PHONE);
        assertThat(toLeader.get(toLeader.size() - 1)).doesNotStartWith("[K" + story.conversation() + "]").endsWith("Hej igen");
        JsonNode again = Json.parse(service.api("GET", SubjectApiTest.path(PERSON, ""), bearer, null));
        assertThat(Json.elements(again.get("calls"))).extracting(c -> c.get("callSid").asText()).containsExactly(newCall);
        assertThat(Json.elements(again.get("conversations"))).singleElement()
                .satisfies(c -> assertThat(c.get("id").asLong()).isNotEqualTo(story.conversation()));
        assertThat(Json.elements(again.get("groupParticipations"))).isEmpty();
    }

    @Test
    void anOptedOutNumberStaysOptedOutAndTheAnswerSaysSo() throws Exception {
        var sms = hotline.sms();
        sms.receive(OPTED_OUT, "STOP");
        Await.until("the STOP is confirmed", Await.SOON, () -> sms.sentTo(OPTED_OUT).size() == 1);

        var response = service.api("DELETE", SubjectApiTest.path(OPTED_OUT, ""), bearer, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.texts(Json.parse(response), "kept")).containsExactly("opt-out");
        JsonNode export = Json.parse(service.api("GET", SubjectApiTest.path(OPTED_OUT, ""), bearer, null));
        assertThat(Json.bool(export.get("optOut"), "optedOut")).isTrue();
        for (String kind : List.of("calls", "conversations", "callbackRequests", "followups", "groupParticipations",
                "groupInterest", "sent", "notes")) {
            assertThat(Json.elements(export.get(kind))).as(kind).isEmpty();
        }
        assertThat(dump()).as("kept as the blind index").contains(indexHex(OPTED_OUT));

        // A text to the number is still refused: an invitation to a group answers 409 and sends nothing.
        sms.receive(OPTED_OUT, "GRUPPE");
        long group = hotline.coordinator().group("Tirsdagsgruppen", "Tirsdagsholdet", story.leader(), "2027-01-26T17:00:00+01:00", 1);
        long entry = Json.number(Json.elements(Json.parse(service.api("GET", "/api/group-interest", bearer, null)).toString())
                .stream().filter(e -> e.get("source").asText().equals("sms")).filter(e -> e.get("phone").asText().endsWith("77"))
                .findFirst().orElseThrow(), "id");
        var invite = service.api("POST", "/api/group-interest/" + entry + "/invite", bearer, "{\"groupId\":" + group + "}");
        assertThat(invite.statusCode()).as(invite.body()).isEqualTo(409);
        assertThat(Json.errorField(invite)).isEqualTo("phone");
        assertThat(sms.sentTo(OPTED_OUT)).as("only the STOP's own confirmation ever went").hasSize(1);
    }

    @Test
    void aBlockedNumberStaysBlockedAndTheAnswerSaysSo() {
        var blocked = service.api("POST", "/api/blocklist", bearer, "{\"phone\":\"" + BLOCKED + "\",\"reason\":\"chikane\"}");
        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(201);

        var response = service.api("DELETE", SubjectApiTest.path(BLOCKED, ""), bearer, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.texts(Json.parse(response), "kept")).containsExactly("blocklist");
        hotline.sms().receive(BLOCKED, "Lad mig komme igennem");
        JsonNode export = Json.parse(service.api("GET", SubjectApiTest.path(BLOCKED, ""), bearer, null));
        assertThat(Json.elements(export.get("conversations"))).as("the text was refused, as before the erasure").isEmpty();
    }

    private static Map<String, Long> counts() {
        return service.jdbi().withHandle(h -> Map.of(
                "calls", count(h, "calls"), "conversation_messages", count(h, "conversation_messages"),
                "session_attendance", count(h, "session_attendance"), "reminders", count(h, "reminders"),
                "outbox", count(h, "outbox"), "callback_requests", count(h, "callback_requests"),
                "group_participants", count(h, "group_participants")));
    }

    private static long count(org.jdbi.v3.core.Handle h, String table) {
        return h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one();
    }

    private static String indexHex(String number) {
        return HexFormat.of().formatHex(new BlindIndex(KEY).of(PhoneNumber.parse(number)));
    }

    /** Every bytea value in the dump that the service's key opens, opened. */
    private static List<String> opened(String dump) {
        var cipher = new PersonalDataCipher(KEY);
        var values = new ArrayList<String>();
        var m = BYTEA.matcher(dump);
        while (m.find()) {
            try {
                values.add(cipher.open(HexFormat.of().parseHex(m.group(1))));
            } catch (PersonalDataException | IllegalArgumentException e) {
                // not sealed with our key (a Quartz job's data, a hash): nothing of ours to open
            }
        }
        return values;
    }

    /** The service's whole database as {@code pg_dump} writes it. */
    private static String dump() throws IOException, InterruptedException {
        DatabaseUrl db = DatabaseUrl.parse(service.environment().get("DATABASE_URL"));
        var uri = java.net.URI.create(db.jdbcUrl().substring("jdbc:".length()));
        var command = new ProcessBuilder("pg_dump", "--no-owner", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()),
                "-U", db.user() == null ? "postgres" : db.user(), uri.getPath().substring(1));
        if (db.password() != null) {
            command.environment().put("PGPASSWORD", db.password());
        }
        var process = command.redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("pg_dump: " + err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
