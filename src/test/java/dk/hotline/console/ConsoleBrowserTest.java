package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Browser;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console in a real browser, as a coordinator uses it: signing in, the pages in Danish and in
 * English, at a laptop's width and a phone's; each page checked with axe-core and photographed
 * (under target/screenshots) for people to look at.
 */
class ConsoleBrowserTest {
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static TestService service;

    @BeforeAll
    static void start() {
        twilio.start();
        service = TestService.start(twilio.baseUrl());
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
    void aCoordinatorSignsInAndSeesTodayAndSignsOut() {
        try (var browser = browser(1280)) {
            browser.go("/");
            assertThat(browser.path()).as("not signed in: to the sign-in page").isEqualTo("/login");

            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);

            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text("h1")).isEqualTo("I dag");
            assertThat(browser.text("#oncall")).isEqualTo("På vagt nu");
            assertThat(browser.find("nav.menu a[aria-current='page']").getText()).isEqualTo("I dag");

            browser.submit("form[action='/logout'] button");
            assertThat(browser.path()).isEqualTo("/login");
            browser.go("/");
            assertThat(browser.path()).as("signed out: the session is over").isEqualTo("/login");
        }
    }

    @Test
    void aWrongPasswordIsSaidPlainlyAndTheAddressIsKept() {
        try (var browser = browser(1280)) {
            browser.signIn(TestConfig.ADMIN_EMAIL, "not-the-password");

            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.text(".error-summary")).contains("forkert");
            assertThat(browser.find("#email").getAttribute("value")).isEqualTo(TestConfig.ADMIN_EMAIL);
            assertThat(browser.find("#password").getAttribute("value")).as("a password is never sent back").isEmpty();
        }
    }

    @Test
    void theEnglishSwitchIsRememberedFromPageToPage() {
        try (var browser = browser(1280)) {
            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
            browser.find(".tools a[lang='en']").click();

            assertThat(browser.text("h1")).isEqualTo("Today");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
            browser.go("/account");
            assertThat(browser.text("h1")).as("remembered").isEqualTo("Your account");

            browser.find(".tools a[lang='da']").click();
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("da");
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void everyPageIsAccessibleAndPhotographed(int width) {
        try (var browser = browser(width)) {
            browser.go("/login").accessible().screenshot("login");
            browser.signIn(TestConfig.ADMIN_EMAIL, "wrong-password-for-the-error").accessible().screenshot("login-error");
            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
            browser.go("/").accessible().screenshot("today");
            browser.go("/account").accessible().screenshot("account");
            browser.go("/no-such-page").accessible().screenshot("not-found");
            browser.go("/?lang=en").accessible().screenshot("today-en");
            browser.go("/?lang=da");
        }
    }
}
