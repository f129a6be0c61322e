package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.privacy.RetentionJob;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.PageSession;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notes through the API and the pages' forms: the leader who answered a call writes its note,
 * coordinators see it, another leader gets 403 (a conversation likewise, through the page); a
 * phone number in the words is refused; the words are sealed in the database; retention erases
 * an old note; the counts go by local days.
 */
class NoteApiTest {
    private static final int RETENTION_DAYS = 30;
    private static final String WORDS = "Hun fortalte om kontrol i hjemmet og vil gerne i en gruppe.";

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    // 23:30 in Copenhagen (winter time, +01:00) on Tuesday 1 December.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T22:30:00Z"));
    private TestService service;
    private NoteFixture fixture;

    @BeforeEach
    void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        TwilioStubs.callCreated(twilio);
        service = TestService.start(twilio.baseUrl(), env -> {
            env.put("HOTLINE_OUTBOX_RATE", "1000");
            env.put("HOTLINE_AUTH_TOKEN_TTL", "P3650D");
            env.put("HOTLINE_RETENTION_DAYS", String.valueOf(RETENTION_DAYS));
            return env;
        }, clock);
        fixture = new NoteFixture(service, clock);
    }

    @AfterEach
    void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void aCallsNotesAreReadAndWrittenByTheCallWithTextAndCategories() {
        long cecilie = fixture.leaderWithAccount("Cecilie Dam", "cecilie@example.org");
        fixture.leaderWithAccount("Dan Berg", "dan@example.org");
        long sleep = fixture.category("Søvn", "Sleep");
        String call = fixture.answeredCall(cecilie);
        String own = fixture.bearer("cecilie@example.org");
        String other = fixture.bearer("dan@example.org");

        assertThat(Json.elements(service.api("GET", "/api/calls/" + call + "/notes", own, null).body())).isEmpty();
        var written = service.api("POST", "/api/calls/" + call + "/notes", own,
                "{\"text\":\"Talte om at sove bedre\",\"categories\":[" + sleep + "]}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);

        var notes = Json.elements(service.api("GET", "/api/calls/" + call + "/notes", own, null).body());
        assertThat(notes).hasSize(1);
        assertThat(Json.text(notes.get(0), "text")).isEqualTo("Talte om at sove bedre");
        assertThat(Json.field(notes.get(0), "categories").toString()).isEqualTo("[" + sleep + "]");
        assertThat(Json.elements(fixture.coordinator().get("/api/calls/" + call + "/notes"))).hasSize(1);
        assertThat(service.api("GET", "/api/calls/" + call + "/notes", other, null).statusCode()).isEqualTo(403);
        assertThat(service.api("POST", "/api/calls/" + call + "/notes", other, "{\"text\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(service.api("POST", "/api/calls/" + call + "/notes", own, "{\"text\":\"ring 20 12 34 56\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theLeaderWhoAnsweredWritesTheNoteCoordinatorsSeeItAnotherLeaderGets403() {
        long anna = fixture.leaderWithAccount("Anna Holm", "anna@example.org");
        fixture.leaderWithAccount("Bo Lund", "bo@example.org");
        long control = fixture.category("Psykisk vold", "Psychological violence");
        long group = fixture.category("Ønsker gruppe", "Wants a group");
        String call = fixture.answeredCall(anna);
        String annaToken = fixture.bearer("anna@example.org");
        String boToken = fixture.bearer("bo@example.org");

        var written = service.api("POST", "/api/notes", annaToken, "{\"callSid\":\"" + call + "\",\"body\":\"" + WORDS
                + "\",\"categoryIds\":[" + group + "," + control + "]}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        long note = Json.id(written);
        assertThat(Json.number(Json.parse(written), "leaderId")).isEqualTo(anna);

        var seen = Json.withId(Json.parse(fixture.coordinator().get("/api/notes")), note);
        assertThat(Json.text(seen, "body")).isEqualTo(WORDS);
        assertThat(Json.text(seen, "callSid")).isEqualTo(call);
        assertThat(Json.field(seen, "categoryIds").toString()).as("both, in the categories' order")
                .isEqualTo("[" + control + "," + group + "]");
        assertThat(Json.elements(fixture.coordinator().get("/api/notes?leaderId=" + anna + "&categoryId=" + group))).hasSize(1);

        assertThat(service.api("GET", "/api/notes/" + note, annaToken, null).statusCode()).isEqualTo(200);
        assertThat(service.api("GET", "/api/notes/" + note, boToken, null).statusCode()).isEqualTo(403);
        assertThat(service.api("PATCH", "/api/notes/" + note, boToken, "{\"body\":\"Min note\"}").statusCode()).isEqualTo(403);
        assertThat(service.api("POST", "/api/notes", boToken, "{\"callSid\":\"" + call + "\",\"body\":\"Min note\"}")
                .statusCode()).as("Bo did not answer it").isEqualTo(403);
        assertThat(Json.elements(service.api("GET", "/api/notes", boToken, null).body())).as("a leader's list is its own").isEmpty();
        assertThat(service.api("POST", "/api/note-categories", annaToken, "{\"nameDa\":\"x\",\"nameEn\":\"x\"}").statusCode())
                .as("leaders read the categories, coordinators change them").isEqualTo(403);
        assertThat(Json.elements(service.api("GET", "/api/note-categories", annaToken, null).body())).hasSize(2);
        assertThat(service.api("POST", "/api/notes", annaToken, "{\"callSid\":\"" + call + "\",\"body\":\"En til\"}")
                .statusCode()).as("one note per call").isEqualTo(409);

        var bo = PageSession.signIn(service, "bo@example.org", NoteFixture.PASSWORD);
        assertThat(bo.get("/notes/" + note + "/edit").statusCode()).isEqualTo(403);
        assertThat(bo.get("/notes/new?call=" + call).statusCode()).isEqualTo(403);
        assertThat(bo.get("/notes").body()).doesNotContain(WORDS);
        var annaPages = PageSession.signIn(service, "anna@example.org", NoteFixture.PASSWORD);
        assertThat(annaPages.get("/notes").body()).contains("Hun fortalte om kontrol");

        byte[] stored = service.jdbi().withHandle(h -> h.createQuery("SELECT body_sealed FROM notes WHERE id = :id")
                .bind("id", note).mapTo(byte[].class).one());
        assertThat(new String(stored, StandardCharsets.UTF_8)).as("sealed at rest").doesNotContain("kontrol").isNotEqualTo(WORDS);
        assertThat(count("SELECT count(*) FROM notes WHERE position(convert_to('kontrol', 'UTF8') IN body_sealed) > 0")).isZero();
    }

    @Test
    void aBodyWithAPhoneNumberIsRefusedWithAFieldErrorAndNothingIsStored() {
        long anna = fixture.leaderWithAccount("Anna Holm", "anna@example.org");
        String call = fixture.answeredCall(anna);
        String annaToken = fixture.bearer("anna@example.org");

        for (String body : new String[] {"ring 20 12 34 56", "Hun gav mig +45 20-12-34-56", "nummer 20.12.34.56 i morgen"}) {
            var refused = service.api("POST", "/api/notes", annaToken, "{\"callSid\":\"" + call + "\",\"body\":\"" + body + "\"}");
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(Json.badRequestField(refused)).isEqualTo("body");
            assertThat(refused.body()).as("the refusal never quotes the number").doesNotContain("12 34");
        }
        var page = PageSession.signIn(service, "anna@example.org", NoteFixture.PASSWORD);
        var form = page.submit("/notes", Map.of("call", call, "body", "ring 20 12 34 56"));
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("Noten ser ud til at indeholde et telefonnummer").contains("ring 20 12 34 56");
        assertThat(count("SELECT count(*) FROM notes"))
                .as("nothing stored").isZero();

        var kept = service.api("POST", "/api/notes", annaToken, "{\"callSid\":\"" + call + "\",\"body\":\"Ring igen kl. 14.30 - 15.00\"}");
        assertThat(kept.statusCode()).as("times are not numbers: " + kept.body()).isEqualTo(201);
        var changed = service.api("PATCH", "/api/notes/" + Json.id(kept), annaToken, "{\"body\":\"20 12 34 56\"}");
        assertThat(changed.statusCode()).isEqualTo(400);
        assertThat(Json.text(Json.parse(service.api("GET", "/api/notes/" + Json.id(kept), annaToken, null)), "body"))
                .isEqualTo("Ring igen kl. 14.30 - 15.00");
    }

    @Test
    void theLeaderWhoTookAConversationWritesItsNoteOnThePage() {
        String annaPhone = "+4520661122";
        long anna = fixture.leaderWithAccount("Anna Holm", "anna@example.org", annaPhone);
        fixture.leaderWithAccount("Bo Lund", "bo@example.org");
        fixture.onCallNow(anna);
        var sms = new TwilioSms(service, twilio);
        sms.receive("+4531415926", "Hej, er der nogen?");
        long conversation = count("SELECT max(id) FROM conversations");
        sms.receive(annaPhone, "K" + conversation + " Ja, jeg er her.");

        var page = PageSession.signIn(service, "anna@example.org", NoteFixture.PASSWORD);
        assertThat(page.get("/notes").body()).contains("Samtale K" + conversation)
                .contains("/notes/new?conversation=" + conversation);
        var bo = PageSession.signIn(service, "bo@example.org", NoteFixture.PASSWORD);
        assertThat(bo.get("/notes/new?conversation=" + conversation).statusCode()).isEqualTo(403);

        var written = page.submit("/notes", Map.of("conversation", String.valueOf(conversation), "body", "Vil tale igen i morgen."));
        assertThat(written.statusCode()).isEqualTo(303);
        assertThat(page.get("/notes").body()).doesNotContain("/notes/new?conversation=").contains("Vil tale igen i morgen.");
        var note = Json.elements(fixture.coordinator().get("/api/notes?leaderId=" + anna)).get(0);
        assertThat(Json.number(note, "conversationId")).isEqualTo(conversation);
        assertThat(note.get("callSid").isNull()).isTrue();
    }

    @Test
    void retentionErasesANoteOlderThanTheRetentionPeriod() {
        long anna = fixture.leaderWithAccount("Anna Holm", "anna@example.org");
        long category = fixture.category("Henvist", "Referred");
        String old = fixture.answeredCall(anna);
        var first = fixture.coordinator().post("/api/notes", "{\"callSid\":\"" + old + "\",\"body\":\"Gammel note\",\"categoryIds\":["
                + category + "]}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        clock.advance(Duration.ofDays(RETENTION_DAYS - 1));
        String recent = fixture.answeredCall(anna);
        var second = fixture.coordinator().post("/api/notes", "{\"callSid\":\"" + recent + "\",\"body\":\"Ny note\"}");
        assertThat(second.statusCode()).isEqualTo(201);

        clock.advance(Duration.ofDays(2));
        service.runJob(RetentionJob.class);

        assertThat(service.api("GET", "/api/notes/" + Json.id(first), service.bearer(), null).statusCode()).isEqualTo(404);
        assertThat(service.api("GET", "/api/notes/" + Json.id(second), service.bearer(), null).statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM note_category_links"))
                .as("its links go with it").isZero();
        assertThat(Json.elements(fixture.coordinator().get("/api/note-categories"))).as("the categories stay").hasSize(1);
    }

    @Test
    void countsPerCategoryGoByLocalDays() {
        long anna = fixture.leaderWithAccount("Anna Holm", "anna@example.org");
        long violence = fixture.category("Fysisk vold", "Physical violence");
        long referred = fixture.category("Henvist", "Referred");
        // 23:30 on 1 December, local time.
        note(fixture.answeredCall(anna), violence);
        // 00:30 on 2 December, local time, though still 1 December in UTC.
        clock.advance(Duration.ofHours(1));
        note(fixture.answeredCall(anna), violence, referred);
        // 00:30 on 3 December.
        clock.advance(Duration.ofDays(1));
        note(fixture.answeredCall(anna), referred);
        var off = service.api("PATCH", "/api/note-categories/" + referred, service.bearer(), "{\"active\":false}");
        assertThat(off.statusCode()).isEqualTo(200);

        var first = Json.parse(fixture.coordinator().get("/api/notes/counts?from=2026-12-01&to=2026-12-01"));
        assertThat(Json.number(first, "notes")).isEqualTo(1);
        assertThat(count(first, violence)).isEqualTo(1);
        assertThat(count(first, referred)).isZero();
        var later = Json.parse(fixture.coordinator().get("/api/notes/counts?from=2026-12-02&to=2026-12-03"));
        assertThat(Json.number(later, "notes")).isEqualTo(2);
        assertThat(count(later, violence)).isEqualTo(1);
        assertThat(count(later, referred)).as("switched off since, still counted").isEqualTo(2);
        assertThat(service.api("GET", "/api/notes/counts?from=2026-12-03&to=2026-12-01", service.bearer(), null).statusCode())
                .isEqualTo(400);
    }

    private void note(String call, long... categories) {
        var ids = java.util.Arrays.stream(categories).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        var response = fixture.coordinator().post("/api/notes", "{\"callSid\":\"" + call + "\",\"body\":\"Note\",\"categoryIds\":["
                + ids + "]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private long count(String sql) {
        Long count = service.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        return count;
    }

    private static long count(com.fasterxml.jackson.databind.JsonNode counts, long category) {
        return Json.number(Json.withId(Json.field(counts, "categories"), category), "notes");
    }
}
