package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Browser;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Ledere / Leaders in a real browser, as a coordinator uses it: adding a leader, a form that comes
 * back with its errors, the one-click availability switch, editing and deactivating, and showing a
 * number with a reason, which then stands on Revision / Audit. Every state checked with axe-core
 * and photographed at a laptop's width and a phone's.
 */
class LeadersPageBrowserTest {
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static TestService service;
    private static Coordinator coordinator;

    @BeforeAll
    static void start() {
        twilio.start();
        service = TestService.start(twilio.baseUrl());
        coordinator = new Coordinator(service);
    }

    @AfterAll
    static void stop() {
        service.close();
        twilio.stop();
    }

    private static Browser signedIn(int width) {
        var browser = Browser.open(service.uri("").toString(), width);
        browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        return browser;
    }

    @Test
    void aCoordinatorAddsALeaderAndSeesItListedWithTheNumberMasked() {
        try (var browser = signedIn(1280)) {
            browser.go("/leaders");
            browser.type("#name", "Astrid Holm").type("#phone", "20 99 11 33");
            browser.find("#languages-en").click();
            browser.submit("form[action='/leaders'] button[type='submit']");

            assertThat(browser.text(".notice")).isEqualTo("Astrid Holm er tilføjet.");
            var row = rowOf(browser, "Astrid Holm");
            assertThat(row).contains("+45 •••• ••33").contains("dansk, engelsk").contains("Aktiv");
            assertThat(browser.driver().getPageSource()).as("the number in clear is nowhere on the page")
                    .doesNotContain("20991133").doesNotContain("20 99 11 33");
        }
    }

    @Test
    void aFormWithAMistakeComesBackSayingWhereWithWhatWasTyped() {
        coordinator.leader("Bodil Berg", "+4520991144");
        try (var browser = signedIn(1280)) {
            browser.go("/leaders");
            browser.type("#name", "Carl Dam").type("#phone", "12");
            browser.submit("form[action='/leaders'] button[type='submit']");

            assertThat(browser.text(".error-summary")).contains("Skriv et mobilnummer");
            assertThat(browser.find(".error-summary a").getAttribute("href")).endsWith("#phone");
            assertThat(browser.text("#phone-error")).contains("Skriv et mobilnummer");
            assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Carl Dam");
            assertThat(browser.find("#phone").getAttribute("value")).isEqualTo("12");

            browser.type("#phone", "20 99 11 44");
            browser.submit("form[action='/leaders'] button[type='submit']");
            assertThat(browser.text(".error-summary")).as("Bodil has that number").contains("En anden leder har allerede dette nummer");

            browser.find("#languages-da").click();
            browser.type("#phone", "20 99 11 45");
            browser.submit("form[action='/leaders'] button[type='submit']");
            assertThat(browser.text(".error-summary")).contains("Vælg mindst ét sprog");
            assertThat(browser.find(".error-summary a").getAttribute("href")).endsWith("#languages-da");
        }
    }

    @Test
    void theAvailabilitySwitchTurnsALeaderOffAndOnWithOneClick() {
        long id = coordinator.leader("Dorte Krag", "+4520991155");
        try (var browser = signedIn(1280)) {
            browser.go("/leaders");
            assertThat(browser.text("#leader-" + id + " .state")).isEqualTo("Ja");

            browser.find("#available-" + id).click();
            waitUntil(browser, () -> browser.text("#leader-" + id + " .state").equals("Nej"));
            assertThat(browser.text("#available-" + id)).startsWith("Slå til");

            browser.go("/leaders");
            assertThat(browser.text("#leader-" + id + " .state")).as("kept").isEqualTo("Nej");
            browser.find("#available-" + id).click();
            waitUntil(browser, () -> browser.text("#leader-" + id + " .state").equals("Ja"));
        }
    }

    @Test
    void aCoordinatorEditsALeaderAndDeactivatesThem() {
        long id = coordinator.leader("Erik Lund", "+4520991166");
        try (var browser = signedIn(1280)) {
            browser.go("/leaders/" + id + "/edit");
            assertThat(browser.find("#phone").getAttribute("value")).as("the number is never filled in").isEmpty();
            assertThat(browser.text("#phone-hint")).contains("+45 •••• ••66");
            browser.type("#name", "Erik Lund Nielsen");
            browser.submit("form[action='/leaders/" + id + "'] button[type='submit']");

            assertThat(browser.text(".notice")).isEqualTo("Ændringerne for Erik Lund Nielsen er gemt.");
            assertThat(rowOf(browser, "Erik Lund Nielsen")).contains("+45 •••• ••66");

            browser.go("/leaders/" + id + "/edit");
            browser.submit("form[action='/leaders/" + id + "/active'] button");
            assertThat(browser.text(".notice")).isEqualTo("Erik Lund Nielsen er deaktiveret.");
            assertThat(browser.text("#leader-" + id)).contains("Deaktiveret");

            browser.go("/leaders/" + id + "/edit");
            browser.submit("form[action='/leaders/" + id + "/active'] button");
            assertThat(browser.text("#leader-" + id)).contains("Aktiv");
        }
    }

    @Test
    void showingANumberAsksWhyShowsItOnceAndTheAuditPageSaysWhoWhatAndWhy() {
        long id = coordinator.leader("Frida Bak", "+4520991177");
        try (var browser = signedIn(1280)) {
            browser.go("/leaders");
            browser.submit("#leader-" + id + " a[href$='/reveal']");
            assertThat(browser.path()).isEqualTo("/leaders/" + id + "/reveal");
            assertThat(browser.text("h1")).isEqualTo("Vis nummeret til Frida Bak");

            browser.submit("form[action$='/reveal'] button");
            assertThat(browser.text(".error-summary")).contains("Skriv, hvorfor du skal se nummeret");
            assertThat(browser.driver().getPageSource()).doesNotContain("+4520991177");

            browser.type("#reason", "ringer tilbage efter aftale");
            browser.submit("form[action$='/reveal'] button");
            assertThat(browser.path()).as("the number is on the answer to the post, not in a URL")
                    .isEqualTo("/leaders/" + id + "/reveal");
            assertThat(browser.text(".revealed")).isEqualTo("+45 20 99 11 77");
            assertThat(browser.text(".notice")).contains("ringer tilbage efter aftale");

            browser.go("/audit");
            var first = browser.all("tbody tr").get(0).getText();
            assertThat(first).contains(TestConfig.ADMIN_EMAIL).contains("Frida Bak").contains("leader:" + id)
                    .contains("ringer tilbage efter aftale");
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void everyStateIsAccessibleAndPhotographed(int width) {
        long id = coordinator.leader("Gerda Winther " + width, "+45209922" + (width == 375 ? "75" : "80"), List.of("da", "en"));
        try (var browser = signedIn(width)) {
            browser.go("/leaders").accessible().screenshot("leaders");
            browser.type("#name", "Hans").submit("form[action='/leaders'] button[type='submit']").accessible()
                    .screenshot("leaders-error");
            browser.go("/leaders/" + id + "/edit").accessible().screenshot("leader-edit");
            browser.type("#name", " ").submit("form[action='/leaders/" + id + "'] button[type='submit']").accessible()
                    .screenshot("leader-edit-error");
            browser.go("/leaders/" + id + "/reveal").accessible().screenshot("leader-reveal");
            browser.submit("form[action$='/reveal'] button").accessible().screenshot("leader-reveal-error");
            browser.type("#reason", "ringer tilbage efter aftale").submit("form[action$='/reveal'] button").accessible()
                    .screenshot("leader-revealed");
            browser.go("/leaders?lang=en").accessible().screenshot("leaders-en");
            browser.go("/leaders?lang=da");
        }
    }

    private static String rowOf(Browser browser, String name) {
        return browser.all("tbody tr").stream().map(r -> r.getText()).filter(text -> text.contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed"));
    }

    private static void waitUntil(Browser browser, java.util.function.BooleanSupplier condition) {
        // htmx swaps the row: an element read while it is being replaced is read again.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }
}
