package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Browser;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

/**
 * Konti / Accounts in a real browser: a coordinator makes a leader's account without a password,
 * the leader sets one through the one-time link and then sees only what is theirs (the
 * coordinators' pages are 403, their own availability switch works); an account the audit log
 * names is not removed, and the page says so plainly. Every state checked with axe-core and
 * photographed at a laptop's width and a phone's.
 */
class AccountsPageBrowserTest {
    private static final String PASSWORD = "a-long-enough-password";
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

    private static Browser browser(int width) {
        return Browser.open(service.uri("").toString(), width);
    }

    @Test
    void aLeaderAccountMadeWithoutAPasswordSetsItThroughTheLinkAndSeesOnlyItsOwn() {
        long ida = coordinator.leader("Ida Friis", "+4520881122");
        try (var browser = browser(1280)) {
            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD).go("/accounts");
            browser.type("#email", "ida@example.org");
            browser.find("#role-leader").click();
            new Select(browser.find("#leaderId")).selectByVisibleText("Ida Friis");
            browser.submit("form[action='/accounts'] button[type='submit']");

            assertThat(browser.text("h1")).isEqualTo("Kontoen er oprettet");
            assertThat(browser.text(".notice")).contains("ida@example.org");
            assertThat(browser.text("#link-hint")).startsWith("Virker én gang, indtil");
            String link = browser.find("#link").getAttribute("value");
            assertThat(link).startsWith(service.publicUrl() + "/password/");
            assertThat(browser.path()).as("the link is in no URL of the console").doesNotContain("/password/");
            browser.go("/accounts");
            assertThat(browser.driver().getPageSource()).as("shown once").doesNotContain(link);
            assertThat(rowOf(browser, "ida@example.org")).contains("Leder").contains("Ida Friis").contains("Slået til");
            browser.submit("form[action='/logout'] button");

            browser.go(URI.create(link).getPath());
            browser.type("#password", PASSWORD).type("#repeat", PASSWORD).submit("form button[type='submit']");
            assertThat(browser.text(".notice")).contains("Din adgangskode er gemt");
            browser.signIn("ida@example.org", PASSWORD);

            assertThat(browser.all("nav.menu a").stream().map(a -> a.getText()).toList())
                    .as("a leader account sees the rota, its callbacks, calls, texts and notes, not the coordinators' pages")
                    .containsExactly("I dag", "Vagtplan", "Tilbageringninger", "Opkald", "Beskeder", "Noter", "Min status");
            for (String path : new String[] {"/leaders", "/audit", "/accounts", "/leaders/" + ida + "/edit", "/leaders/" + ida + "/reveal"}) {
                browser.go(path);
                assertThat(browser.text("h1")).as(path).isEqualTo("Det har du ikke adgang til");
            }

            browser.go("/leaders/me");
            assertThat(browser.text("h1")).isEqualTo("Min status");
            assertThat(browser.text("#my-state")).startsWith("Ja");
            browser.submit("form[action='/leaders/" + ida + "/available'] button");
            assertThat(browser.text(".notice")).isEqualTo("Du er slået fra.");
            assertThat(browser.text("#my-state")).startsWith("Nej");
            assertThat(Json.bool(Json.withId(Json.parse(coordinator.get("/api/leaders")), ida), "available"))
                    .as("the rota sees it too").isFalse();
            browser.submit("form[action='/leaders/" + ida + "/available'] button");
            assertThat(browser.text("#my-state")).startsWith("Ja");
        }
    }

    @Test
    void anAccountTheAuditLogNamesIsNotRemovedAndThePageSaysWhy() {
        long leader = coordinator.leader("Jens Vang", "+4520881133");
        try (var browser = browser(1280)) {
            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD).go("/accounts");
            browser.type("#email", "kirsten@example.org").type("#password", PASSWORD);
            browser.find("#role-coordinator").click();
            browser.submit("form[action='/accounts'] button[type='submit']");
            assertThat(browser.text(".notice")).isEqualTo("Kontoen kirsten@example.org er oprettet.");

            // Kirsten looks at a number through the API: the audit log now names her account.
            var token = service.api("POST", "/api/tokens", TestService.basic("kirsten@example.org", PASSWORD), null);
            String bearer = "Bearer " + Json.text(Json.parse(token), "token");
            assertThat(service.api("GET", "/api/leaders/" + leader + "?reveal=true&reason=test", bearer, null).statusCode())
                    .isEqualTo(200);

            browser.submit("#" + rowId(browser, "kirsten@example.org") + " a[href$='/delete']");
            assertThat(browser.text("h1")).isEqualTo("Slet kirsten@example.org?");
            browser.submit("form[action$='/delete'] button");

            assertThat(browser.text(".error-summary")).contains("revisionsloggen nævner den").contains("Slå den fra i stedet");
            assertThat(rowOf(browser, "kirsten@example.org")).as("still there").contains("Slået til");

            browser.submit("#" + rowId(browser, "kirsten@example.org") + " form[action$='/active'] button");
            assertThat(browser.text(".notice")).isEqualTo("kirsten@example.org er slået fra og logget ud overalt.");
            assertThat(rowOf(browser, "kirsten@example.org")).contains("Slået fra");
        }
    }

    @Test
    void anAccountNobodyAuditedIsRemovedAfterTheQuestion() {
        try (var browser = browser(1280)) {
            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD).go("/accounts");
            browser.type("#email", "lars@example.org").type("#password", PASSWORD);
            browser.find("#role-coordinator").click();
            browser.submit("form[action='/accounts'] button[type='submit']");

            browser.submit("#" + rowId(browser, "lars@example.org") + " a[href$='/delete']");
            browser.submit("form[action$='/delete'] button");

            assertThat(browser.text(".notice")).isEqualTo("Kontoen er slettet.");
            assertThat(browser.text("tbody")).doesNotContain("lars@example.org");
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void everyStateIsAccessibleAndPhotographed(int width) {
        long leader = coordinator.leader("Mette Skov " + width, "+45208811" + (width == 375 ? "75" : "80"));
        String email = "mette" + width + "@example.org";
        service.api("POST", "/api/accounts", service.bearer(), "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"leader\",\"leaderId\":" + leader + "}");
        try (var browser = browser(width)) {
            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
            browser.go("/accounts").accessible().screenshot("accounts");
            browser.type("#email", "not-an-address").submit("form[action='/accounts'] button[type='submit']").accessible()
                    .screenshot("accounts-error");
            browser.type("#email", "ny" + width + "@example.org");
            browser.find("#role-coordinator").click();
            browser.submit("form[action='/accounts'] button[type='submit']").accessible().screenshot("account-link");
            browser.go("/accounts");
            browser.submit("#" + rowId(browser, email) + " a[href$='/delete']").accessible().screenshot("account-delete");
            browser.submit("form[action='/logout'] button");

            browser.signIn(email, PASSWORD);
            browser.go("/leaders/me").accessible().screenshot("leader-me");
            browser.go("/leaders").accessible().screenshot("leader-forbidden");
        }
    }

    private static String rowOf(Browser browser, String email) {
        return browser.find("#" + rowId(browser, email)).getText();
    }

    private static String rowId(Browser browser, String email) {
        return browser.all("tbody tr").stream().filter(r -> r.getText().contains(email)).findFirst()
                .orElseThrow(() -> new AssertionError(email + " is not listed")).getAttribute("id");
    }
}
