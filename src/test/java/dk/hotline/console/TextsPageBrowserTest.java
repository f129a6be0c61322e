package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dk.hotline.testing.Await;
import dk.hotline.testing.Browser;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.Webhook;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Beskeder / Texts and Udsendt / Outbox, from texts that really went through Twilio's webhooks:
 * a survivor texts while Anna is on call and Anna answers; later another texts while Bo is on call,
 * and Bo has not answered yet; a third texts HJÆLP from a number Twilio refuses; a fourth texts Bo,
 * then STOP, so Bo's answer is cancelled. The pages and the
 * API show times, counts, lengths and states, never a word of a text or a number in clear; a leader
 * account sees only the conversations offered to it. Checked with axe-core and photographed.
 */
class TextsPageBrowserTest {
    private static final String PASSWORD = "a-long-enough-password";
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-06-01T08:00:00Z"));
    private static final String ANNA = "+4520111001";
    private static final String BO = "+4520111002";
    private static final String FIRST = "+4535111071";
    private static final String SECOND = "+4535111072";
    private static final String REFUSED = "+4535111079";
    private static final String THIRD = "+4535111073";
    private static final String FIRST_TEXT = "Jeg har brug for at tale med nogen i aften";
    private static final String ANSWER = "Jeg er her, skriv bare løs";
    private static final String SECOND_TEXT = "Kan nogen ringe til mig senere";
    private static final String THIRD_TEXT = "Jeg vil hellere skrive end ringe";
    private static final String TOO_LATE = "Det er helt i orden at skrive";
    private static HotlineFixture hotline;
    private static TestService service;
    private static Coordinator coordinator;
    private static long annas;
    private static long bos;
    private static long stopped;
    private static String annaBearer;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        hotline.refusesTextsTo(REFUSED);
        service = hotline.service();
        coordinator = hotline.coordinator();
        TwilioSms sms = hotline.sms();
        long anna = coordinator.leader("Anna Holm", ANNA, List.of("da"));
        long bo = coordinator.leader("Bo Lind", BO, List.of("da"));
        coordinator.shift(anna, Instant.parse("2027-06-01T08:00:00Z"), Instant.parse("2027-06-01T10:00:00Z"));
        coordinator.shift(bo, Instant.parse("2027-06-01T10:00:00Z"), Instant.parse("2027-06-01T12:00:00Z"));
        account("anna@example.org", anna);
        account("bo@example.org", bo);
        annaBearer = bearer("anna@example.org");

        // 10:30 and 10:35 in Copenhagen (summer time): Anna is on call, gets the text and answers.
        clock.set(Instant.parse("2027-06-01T08:30:00Z"));
        sms.receive(FIRST, FIRST_TEXT);
        String annasTag = hotline.relayedTag(ANNA);
        annas = Long.parseLong(annasTag.substring(1));
        clock.set(Instant.parse("2027-06-01T08:35:00Z"));
        sms.receive(ANNA, annasTag + " " + ANSWER);
        // 12:30: Bo is on call and gets the second; he has not answered.
        clock.set(Instant.parse("2027-06-01T10:30:00Z"));
        sms.receive(SECOND, SECOND_TEXT);
        bos = Long.parseLong(hotline.relayedTag(BO).substring(1));
        clock.set(Instant.parse("2027-06-01T10:40:00Z"));
        sms.receive(REFUSED, "HJÆLP");
        // 12:45 to 12:55: a fourth texts, Bo gets it, the texter opts out, and Bo's answer is not sent.
        clock.set(Instant.parse("2027-06-01T10:45:00Z"));
        sms.receive(THIRD, THIRD_TEXT);
        Await.until("the fourth's text reaches Bo too", Duration.ofSeconds(10), () -> sms.sentTo(BO).size() == 2);
        String stoppedTag = hotline.relayedTag(BO);
        stopped = Long.parseLong(stoppedTag.substring(1));
        clock.set(Instant.parse("2027-06-01T10:50:00Z"));
        sms.receive(THIRD, "STOP");
        clock.set(Instant.parse("2027-06-01T10:55:00Z"));
        sms.receive(BO, stoppedTag + " " + TOO_LATE);
        Await.until("everything queued is settled", Duration.ofSeconds(10), () -> outbox("").stream()
                .noneMatch(e -> List.of("queued", "sending").contains(Json.text(e, "status"))));

        // Twilio reports the answer delivered, on the status callback the text was sent with.
        long answerRow = Json.number(outbox("?kind=relay-out&status=sent").get(0), "id");
        String sid = service.jdbi().withHandle(h -> h.createQuery("SELECT twilio_sid FROM outbox WHERE id = :id")
                .bind("id", answerRow).mapTo(String.class).one());
        var callback = service.twilio(Webhook.SMS_STATUS.url(answerRow), Map.of("AccountSid", TestConfig.ACCOUNT_SID,
                "MessageSid", sid, "SmsSid", sid, "MessageStatus", "delivered", "SmsStatus", "delivered", "To", FIRST,
                "From", TestConfig.HOTLINE_NUMBER));
        assertThat(callback.statusCode()).isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void aCoordinatorSeesBothConversationsNewestFirstWithCountsAndNoWords() {
        try (var browser = signedIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD, 1280)) {
            browser.go("/messages");

            assertThat(browser.text("[role='status']")).isEqualTo("3 samtaler · side 1 af 1");
            assertThat(browser.all("tbody tr")).extracting(r -> r.getAttribute("id")).as("newest activity first")
                    .containsExactly("conversation-" + stopped, "conversation-" + bos, "conversation-" + annas);
            assertThat(browser.text("#conversation-" + annas)).contains("K" + annas).contains("1/6 2027 10:30").contains("Åben")
                    .contains("+45 •••• ••71").contains("Anna Holm").contains("1 1").contains("1/6 2027 10:35").endsWith("Nej");
            assertThat(browser.text("#conversation-" + bos)).contains("+45 •••• ••72").contains("Ingen endnu").contains("1 0")
                    .endsWith("Ja, venter");
            assertNothingSaid(browser.driver().getPageSource());

            browser.go("/messages?state=closed");
            assertThat(browser.text("main")).contains("Der er ingen samtaler at vise.");
            browser.go("/messages?state=open&from=2027-06-01&to=2027-06-01");
            assertThat(browser.all("tbody tr")).hasSize(3);
            browser.go("/messages?from=2027-06-02");
            assertThat(browser.all("tbody tr")).isEmpty();
        }
    }

    @Test
    void aConversationsPageShowsEachTextsTimeDirectionStateAndLengthButNotItsWords() {
        try (var browser = signedIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD, 1280)) {
            browser.go("/messages");
            browser.submit("#conversation-" + annas + " a");

            assertThat(browser.text("h1")).isEqualTo("Samtale K" + annas);
            assertThat(browser.text("dl.pairs")).contains("Anna Holm").contains("1 ind · 1 ud").contains("+45 •••• ••71");
            var lines = browser.all("tbody tr");
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).getText()).contains("10:30").contains("Ind fra den, der skriver")
                    .contains("Sendt videre til lederne på vagt").contains(FIRST_TEXT.length() + " tegn · 1 sms-del");
            assertThat(lines.get(1).getText()).contains("10:35").contains("Ud fra en leder").contains("Anna Holm")
                    .contains("Modtaget").contains(ANSWER.length() + " tegn · 1 sms-del");
            assertNothingSaid(browser.driver().getPageSource());
        }
    }

    @Test
    void aLeaderAccountSeesOnlyTheConversationsOfferedToItAndIsRefusedAnothers() {
        try (var browser = signedIn("anna@example.org", PASSWORD, 1280)) {
            assertThat(browser.all("nav.menu a").stream().map(a -> a.getText()).toList()).contains("Beskeder")
                    .doesNotContain("Udsendt");
            browser.go("/messages");
            assertThat(browser.all("tbody tr")).extracting(r -> r.getAttribute("id")).containsExactly("conversation-" + annas);

            browser.go("/messages/" + annas);
            assertThat(browser.text("h1")).isEqualTo("Samtale K" + annas);
            browser.go("/messages/" + bos);
            assertThat(browser.text("h1")).isEqualTo("Det har du ikke adgang til");
            assertThat(browser.driver().getPageSource()).doesNotContain("••72");
            browser.go("/outbox");
            assertThat(browser.text("h1")).isEqualTo("Det har du ikke adgang til");
        }
    }

    @Test
    void theApiGivesALeaderTokenItsOwnConversationsOnlyAndNoWords() {
        var own = Json.elements(Json.parse(api(annaBearer, "/api/conversations")));
        assertThat(own).extracting(c -> Json.number(c, "id")).containsExactly(annas);
        assertThat(service.api("GET", "/api/conversations/" + bos, annaBearer, null).statusCode()).isEqualTo(403);
        assertThat(service.api("GET", "/api/outbox", annaBearer, null).statusCode()).isEqualTo(403);

        var detail = api(annaBearer, "/api/conversations/" + annas);
        var texts = Json.elements(Json.field(Json.parse(detail), "texts"));
        assertThat(texts).extracting(x -> Json.text(x, "direction"), x -> Json.text(x, "status"), x -> Json.number(x, "characters"))
                .containsExactly(tuple("in", "forwarded", (long) FIRST_TEXT.length()), tuple("out", "delivered", (long) ANSWER.length()));
        assertNothingSaid(detail);
    }

    @Test
    void theApiGivesACoordinatorEveryConversationBySameFiltersAsThePage() {
        String bearer = service.bearer();
        var all = Json.elements(Json.parse(api(bearer, "/api/conversations")));
        assertThat(all).extracting(c -> Json.text(c, "tag"), c -> Json.number(c, "textsIn"), c -> Json.number(c, "textsOut"),
                        c -> Json.bool(c, "awaitingAnswer"))
                .containsExactly(tuple("K" + stopped, 1L, 1L, false), tuple("K" + bos, 1L, 0L, true),
                        tuple("K" + annas, 1L, 1L, false));
        assertThat(Json.text(all.get(2), "openedAt")).isEqualTo("2027-06-01T10:30:00+02:00");
        var cancelled = Json.elements(Json.field(Json.parse(api(bearer, "/api/conversations/" + stopped)), "texts"));
        assertThat(cancelled).extracting(x -> Json.text(x, "status")).containsExactly("forwarded", "cancelled");
        assertThat(Json.elements(Json.parse(api(bearer, "/api/conversations?state=closed")))).isEmpty();
        assertThat(Json.elements(Json.parse(api(bearer, "/api/conversations?from=2027-06-02")))).isEmpty();
        assertThat(Json.badRequestField(service.api("GET", "/api/conversations?state=gone", bearer, null))).isEqualTo("state");
        assertThat(Json.badRequestField(service.api("GET", "/api/conversations?from=2027-06-02&to=2027-06-01", bearer, null)))
                .isEqualTo("to");
        assertThat(service.api("GET", "/api/conversations/999999", bearer, null).statusCode()).isEqualTo(404);
        assertNothingSaid(api(bearer, "/api/conversations"));
    }

    @Test
    void theOutboxListsTheDeliveredAnswerAndTheRefusedHelpWithTwiliosCode() {
        var answers = outbox("?kind=relay-out&status=delivered");
        assertThat(answers).extracting(e -> Json.text(e, "to"), e -> Json.text(e, "status"), e -> Json.text(e, "deliveryStatus"))
                .containsExactly(tuple("+45 •••• ••71", "delivered", "delivered"));
        var failed = outbox("?status=failed");
        assertThat(failed).extracting(e -> Json.text(e, "kind"), e -> Json.text(e, "to"), e -> Json.number(e, "errorCode"))
                .containsExactly(tuple("help", "+45 •••• ••79", 21211L));
        var cancelled = outbox("?status=cancelled");
        assertThat(cancelled).extracting(e -> Json.text(e, "kind"), e -> Json.text(e, "to"), e -> Json.text(e, "cancelReason"))
                .containsExactly(tuple("relay-out", "+45 •••• ••73", "opted-out"));
        assertThat(Json.badRequestField(service.api("GET", "/api/outbox?status=lost", service.bearer(), null))).isEqualTo("status");
        assertThat(Json.badRequestField(service.api("GET", "/api/outbox?kind=letter", service.bearer(), null))).isEqualTo("kind");

        try (var browser = signedIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD, 1280)) {
            browser.go("/outbox");
            assertThat(browser.all("#dry-run")).as("texts go to Twilio here").isEmpty();
            assertThat(browser.text("tr.outbox-delivered")).contains("Lederens svar til den, der skriver").contains("+45 •••• ••71")
                    .contains("Modtaget").contains("1/6 2027 10:35");
            assertThat(browser.text("tr.outbox-failed")).contains("Svar på HJÆLP").contains("+45 •••• ••79")
                    .contains("Mislykkedes (Twilio-fejl 21211)");
            assertThat(browser.text("tr.outbox-cancelled")).contains("Lederens svar til den, der skriver").contains("+45 •••• ••73")
                    .contains("Annulleret: modtageren har afmeldt sms (STOP)");
            assertNothingSaid(browser.driver().getPageSource());

            browser.go("/outbox?kind=relay-in");
            assertThat(browser.all("tbody tr")).as("one text passed on to Anna, two to Bo").hasSize(3);
            assertThat(browser.text("tbody")).contains("+45 •••• ••01").contains("+45 •••• ••02");
            browser.go("/outbox?status=lost");
            assertThat(browser.text(".error-summary")).contains("Vælg en status fra listen.");
        }
    }

    @Test
    void theTextsPageReadsInEnglish() {
        try (var browser = signedIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD, 1280)) {
            browser.go("/messages?lang=en");
            assertThat(browser.text("h1")).isEqualTo("Texts");
            assertThat(browser.text("#conversation-" + bos)).contains("Nobody yet").endsWith("Yes, waiting");
            browser.go("/messages/" + annas);
            assertThat(browser.text("tbody")).contains("In from the person writing").contains("characters · 1 SMS part");
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void everyPageIsAccessibleAndPhotographed(int width) {
        try (var browser = signedIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD, width)) {
            browser.go("/messages").accessible().screenshot("texts");
            browser.go("/messages/" + annas).accessible().screenshot("text");
            browser.go("/messages?from=2027-06-02&to=2027-06-01").accessible().screenshot("texts-error");
            browser.go("/outbox").accessible().screenshot("outbox");
        }
        try (var browser = signedIn("bo@example.org", PASSWORD, width)) {
            browser.go("/messages").accessible().screenshot("texts-leader");
        }
    }

    private static void assertNothingSaid(String shown) {
        // Privacy: no word of any text, and no number in clear, in what was shown.
        assertThat(shown).doesNotContain(FIRST_TEXT, ANSWER, SECOND_TEXT, THIRD_TEXT, TOO_LATE, "brug for", "skriv bare",
                "ringe til mig", "hellere skrive", "helt i orden", service.text("da", "smsHelp"));
        assertThat(shown).doesNotContain("20111001", "20111002", "35111071", "35111072", "35111073", "35111079");
    }

    private static Browser signedIn(String email, String password, int width) {
        var browser = Browser.open(service.uri("").toString(), width);
        browser.signIn(email, password);
        return browser;
    }

    private static void account(String email, long leader) {
        var response = coordinator.post("/api/accounts", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"leader\",\"leaderId\":" + leader + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String bearer(String email) {
        HttpResponse<String> token = service.api("POST", "/api/tokens", TestService.basic(email, PASSWORD), null);
        assertThat(token.statusCode()).isEqualTo(201);
        return "Bearer " + Json.text(Json.parse(token), "token");
    }

    private static String api(String bearer, String path) {
        var response = service.api("GET", path, bearer, null);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> outbox(String query) {
        return Json.elements(Json.parse(coordinator.get("/api/outbox" + query)));
    }
}
