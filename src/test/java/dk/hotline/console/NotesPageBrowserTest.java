package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Browser;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.twilio.TwilioStubs;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Noter / Notes in a real browser: a leader finds its answered call under "Dine samtaler uden
 * note", writes the note (a phone number in it is refused on the form), and the coordinator finds
 * it by category; the coordinators' categories page adds, renames, moves and switches off. Every
 * page checked with axe-core and photographed at a laptop's width and a phone's.
 */
class NotesPageBrowserTest {
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static TestService service;
    private static NoteFixture fixture;

    @BeforeAll
    static void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        TwilioStubs.callCreated(twilio);
        service = TestService.start(twilio.baseUrl(), env -> {
            env.put("HOTLINE_ROUTING_WRAP_UP", "PT0.001S");
            return env;
        }, Clock.systemUTC());
        fixture = new NoteFixture(service, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        service.close();
        twilio.stop();
    }

    private static Browser browser(int width) {
        return Browser.open(service.uri("").toString(), width);
    }

    @Test
    void aLeaderWritesTheNoteOnACallItAnsweredAndTheCoordinatorFindsIt() {
        long sara = fixture.leaderWithAccount("Sara Dahl", "sara@example.org");
        long referred = fixture.category("Henvist til kommunen", "Referred to the municipality");
        fixture.category("Ønsker gruppe", "Wants a group");
        fixture.answeredCall(sara);
        try (var browser = browser(1280)) {
            browser.signIn("sara@example.org", NoteFixture.PASSWORD);
            browser.find("nav.menu a[href='/notes']").click();
            assertThat(browser.text("h1")).isEqualTo("Noter");
            assertThat(browser.text("#pending-heading")).isEqualTo("Dine opkald og samtaler uden note");
            assertThat(browser.all("ul.pending-notes li")).hasSize(1);
            browser.submit("ul.pending-notes a");
            assertThat(browser.text("h1")).isEqualTo("Skriv note – Opkald");

            assertThat(browser.text("#body-count")).isEqualTo("0");
            browser.type("#body", "Hun bad mig ringe på 20 12 34 56");
            assertThat(browser.text("#body-count")).as("the counter follows the typing").isEqualTo("32");
            browser.find("#category-" + referred).click();
            browser.submit("form[action='/notes'] button[type='submit']");
            assertThat(browser.text(".error-summary")).contains("telefonnummer");
            assertThat(browser.text("#body-error")).contains("Fjern det");
            assertThat(browser.find("#category-" + referred).isSelected()).as("the ticks are kept").isTrue();

            browser.type("#body", "Hun vil gerne have hjælp fra kommunen og ringer igen.");
            browser.submit("form[action='/notes'] button[type='submit']");
            assertThat(browser.text(".notice")).isEqualTo("Noten er gemt.");
            assertThat(browser.text("ul.pending-notes, main")).contains("Alle dine opkald og samtaler fra de sidste 14 dage har en note.");
            assertThat(browser.text("tbody")).contains("Hun vil gerne have hjælp").contains("Henvist til kommunen");
        }
        try (var browser = browser(1280)) {
            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD).go("/notes");
            new Select(browser.find("#categoryId")).selectByVisibleText("Henvist til kommunen");
            browser.submit("form.filters button[type='submit']");
            assertThat(browser.all("tbody tr")).hasSize(1);
            assertThat(browser.text("tbody")).contains("Sara Dahl").contains("Hun vil gerne have hjælp");
            browser.submit("tbody a[href$='/edit']");
            assertThat(browser.text("h1")).isEqualTo("Ret note – Opkald");
            assertThat(browser.find("#body").getAttribute("value")).startsWith("Hun vil gerne");
        }
    }

    @Test
    void aCoordinatorAddsRenamesMovesAndSwitchesOffCategories() {
        try (var browser = browser(1280)) {
            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD).go("/notes");
            browser.submit("a[href='/notes/categories']");
            assertThat(browser.text("h1")).isEqualTo("Kategorier for noter");

            browser.type("#nameDa", "Selvmordstanker").submit("form[action='/notes/categories'] button[type='submit']");
            assertThat(browser.text("#nameEn-error")).isEqualTo("Skriv et engelsk navn på højst 80 tegn.");
            assertThat(browser.find("#nameDa").getAttribute("value")).as("what was typed stays").isEqualTo("Selvmordstanker");
            browser.type("#nameEn", "Suicidal thoughts").submit("form[action='/notes/categories'] button[type='submit']");
            assertThat(browser.text(".notice")).isEqualTo("Kategorien er oprettet.");
            browser.type("#nameDa", "Økonomisk vold").type("#nameEn", "Economic abuse")
                    .submit("form[action='/notes/categories'] button[type='submit']");
            assertThat(names(browser)).containsSubsequence("Selvmordstanker / Suicidal thoughts", "Økonomisk vold / Economic abuse");

            WebElement economic = row(browser, "Økonomisk vold");
            String id = economic.getAttribute("id").substring("category-".length());
            browser.submit("#category-" + id + " form[action$='/move'] button");
            assertThat(browser.text(".notice")).isEqualTo("Rækkefølgen er gemt.");
            assertThat(names(browser)).containsSubsequence("Økonomisk vold / Economic abuse", "Selvmordstanker / Suicidal thoughts");

            browser.type("#nameEn-" + id, "Financial abuse").submit("#category-" + id + " form[action='/notes/categories/" + id
                    + "'] button");
            assertThat(browser.text(".notice")).isEqualTo("Navnet er gemt.");
            assertThat(names(browser)).contains("Økonomisk vold / Financial abuse");

            browser.submit("#category-" + id + " form[action$='/active'] button");
            assertThat(browser.text(".notice")).startsWith("Kategorien er slået fra.");
            assertThat(browser.text("#category-" + id)).contains("(slået fra)");
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void everyPageIsAccessibleAndPhotographed(int width) {
        long leader = fixture.leaderWithAccount("Jonas Berg " + width, "jonas" + width + "@example.org");
        fixture.category("Vold i hjemmet " + width, "Domestic violence " + width);
        fixture.answeredCall(leader);
        fixture.answeredCall(leader);
        try (var browser = browser(width)) {
            browser.signIn("jonas" + width + "@example.org", NoteFixture.PASSWORD);
            browser.go("/notes").accessible().screenshot("notes-leader");
            browser.submit("ul.pending-notes a").accessible().screenshot("note-new");
            browser.type("#body", "Ring 20 12 34 56").submit("form[action='/notes'] button[type='submit']").accessible()
                    .screenshot("note-new-error");
            browser.type("#body", "En rolig samtale om at finde en gruppe.").submit("form[action='/notes'] button[type='submit']");
            browser.accessible().screenshot("notes-leader-written");
            browser.submit("tbody a[href$='/edit']").accessible().screenshot("note-edit");
            browser.go("/notes/categories").accessible().screenshot("notes-forbidden");
            browser.submit("form[action='/logout'] button");

            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
            browser.go("/notes").accessible().screenshot("notes-coordinator");
            browser.go("/notes/categories").accessible().screenshot("note-categories");
            browser.submit("form[action='/notes/categories'] button[type='submit']").accessible().screenshot("note-categories-error");
        }
    }

    private static java.util.List<String> names(Browser browser) {
        return browser.all("ol.note-categories .category-name").stream().map(WebElement::getText)
                .map(t -> t.replace("(slået fra)", "").strip()).toList();
    }

    private static WebElement row(Browser browser, String name) {
        return browser.all("ol.note-categories > li").stream().filter(li -> li.getText().contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed"));
    }
}
