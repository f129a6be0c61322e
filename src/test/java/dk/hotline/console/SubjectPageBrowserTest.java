package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Browser;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.PageSession;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Indsigt og sletning / Access and erasure in a real browser, 375 px wide: the coordinator types a
 * number and a reason, and the answer to that post shows what the API's export holds, with no
 * address on the page (nor the page's own) holding the number; the download is the API's JSON;
 * erasing asks first. A leader account is refused the page.
 */
class SubjectPageBrowserTest {
    private static final String PERSON = "+4530224466";
    private static final String OTHER = "+4530336699";
    private static final String LEADER_PHONE = "+4520000081";
    private static final MutableClock clock = new MutableClock(SubjectStage.START);
    private static HotlineFixture hotline;
    private static TestService service;
    private static SubjectStage.Story story;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        service = hotline.service();
        story = new SubjectStage(service, hotline.coordinator(), hotline.sms(), clock).play(PERSON, "Clara", LEADER_PHONE);
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void theExportIsOnThePageAndNoAddressHoldsTheNumber() {
        try (var browser = Browser.open(service.uri("").toString(), 375)) {
            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
            browser.go("/subjects");
            assertThat(browser.all("nav.menu a").stream().map(a -> a.getText()).toList()).contains("Indsigt og sletning");
            browser.accessible();

            browser.type("#phone", "30 22 44 66").type("#reason", "anmodning om indsigt").find("#words").click();
            browser.submit("form[action='/subjects'] button");

            assertThat(browser.path()).isEqualTo("/subjects");
            assertThat(browser.text("h1")).isEqualTo("Det har vi på +45 •••• ••66");
            assertThat(browser.text("main")).contains("Clara (" + story.leader() + ")")
                    .contains("Opkald (1)").contains("Sms-samtaler (1)").contains("Støttegrupper (1)")
                    .contains("Ønsker om at blive ringet op (1)").contains("Interesselisten (1)").contains("Noter (2)")
                    .contains(SubjectStage.FIRST_TEXT).contains(SubjectStage.CALL_NOTE).contains(story.callSid());
            for (var element : browser.driver().findElements(By.cssSelector("[href], [action], [src]"))) {
                for (String attribute : List.of("href", "action", "src")) {
                    String address = String.valueOf(element.getAttribute(attribute)).replaceAll("[^0-9]", "");
                    assertThat(address).as(attribute).doesNotContain("30224466");
                }
            }
            assertThat(browser.text("main")).doesNotContain("30224466").doesNotContain("20000081");
            browser.accessible().screenshot("subjects-export");

            browser.go("/audit");
            assertThat(browser.text("main")).contains("Udleverede oplysninger om et nummer, der ender på …66 (indsigt)")
                    .contains("Viste ordene i oplysningerne om et nummer, der ender på …66 (indsigt)")
                    .contains("anmodning om indsigt").doesNotContain("30224466");
        }
    }

    @Test
    void theDownloadIsTheApisExportAndALeaderIsRefused() {
        var session = PageSession.signIn(service, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);

        var download = session.submit("/subjects/export", Map.of("phone", PERSON, "reason", "kopi til personen", "words", "false"));

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(download.headers().firstValue("Cache-Control")).contains("no-store");
        var export = Json.parse(download.body());
        assertThat(Json.elements(export.get("calls"))).hasSize(1);
        assertThat(Json.elements(export.get("notes"))).allSatisfy(n -> assertThat(n.get("words").isNull()).isTrue());
        assertThat(download.body()).doesNotContain("30224466");

        var refused = session.submit("/subjects", Map.of("phone", "ikke et nummer", "reason", "indsigt"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Skriv et telefonnummer");
        var noReason = session.submit("/subjects", Map.of("phone", PERSON, "reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Skriv hvorfor du ser efter");

        var leadersOwn = session.submit("/subjects", Map.of("phone", LEADER_PHONE, "reason", "indsigt"));
        assertThat(leadersOwn.statusCode()).isEqualTo(409);
        assertThat(leadersOwn.body()).contains("Det er en leders eget nummer");

        hotline.coordinator().leaderAccount(story.leader(), "clara@example.org", "a-long-enough-password");
        var leader = PageSession.signIn(service, "clara@example.org", "a-long-enough-password");
        assertThat(leader.get("/subjects").statusCode()).isEqualTo(403);
        assertThat(leader.submit("/subjects", Map.of("phone", PERSON, "reason", "nysgerrig")).statusCode()).isEqualTo(403);
    }

    @Test
    void erasingAsksFirstThenErasesAndSaysWhatWasKept() {
        hotline.sms().receive(OTHER, "RING");
        hotline.sms().receive(OTHER, "STOP");
        try (var browser = Browser.open(service.uri("").toString(), 375)) {
            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
            browser.go("/subjects").type("#phone", OTHER).type("#reason", "anmodning om sletning");
            browser.submit("form[action='/subjects'] button");
            browser.submit("form[action='/subjects/erase'] button");

            assertThat(browser.text(".big-text")).isEqualTo("Slette alt, vi har på +45 •••• ••99?");
            assertThat(Json.elements(Json.parse(service.api("GET", SubjectApiTest.path(OTHER, ""), service.bearer(), null))
                    .get("callbackRequests"))).as("nothing erased before the answer").hasSize(1);
            browser.accessible();
            browser.submit("form[action='/subjects/erase'] button.danger");

            assertThat(browser.text("h1")).isEqualTo("Slettet: +45 •••• ••99");
            assertThat(browser.text("main")).contains("Ønsker om at blive ringet op: 1")
                    .contains("Bevaret med vilje: afmeldingen (STOP), så der ikke igen sendes sms til nummeret.");
            browser.accessible().screenshot("subjects-erased");
        }
        var export = Json.parse(service.api("GET", SubjectApiTest.path(OTHER, ""), service.bearer(), null));
        assertThat(Json.elements(export.get("callbackRequests"))).isEmpty();
        assertThat(Json.bool(export.get("optOut"), "optedOut")).isTrue();
    }
}
