package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Browser;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kalenderlink in a real browser: a leader makes a link on their own page (shown once, with how to
 * subscribe), makes a new one (the old one stops working) and switches it off; a coordinator does
 * the same from the leader's page. Every state checked with axe-core and photographed at a
 * laptop's width and a phone's.
 */
class CalendarLinkPageBrowserTest {
    private static final String PASSWORD = "a-long-enough-password";
    private static TestService service;
    private static Coordinator coordinator;

    @BeforeAll
    static void start() {
        service = TestService.start("http://127.0.0.1:9");
        coordinator = new Coordinator(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aLeaderMakesANewLinkAndSwitchesItOff() {
        String email = leaderAccount("Hanne Lund", "+4520661101");
        try (var browser = Browser.open(service.uri("").toString(), 1280)) {
            browser.signIn(email, PASSWORD).go("/leaders/me");
            assertThat(browser.text("#calendar-heading")).isEqualTo("Kalenderlink");
            assertThat(browser.text("#calendar-state")).isEqualTo("Der er intet kalenderlink.");

            browser.submit("form[action$='/ical'] button");
            assertThat(browser.text("h1")).isEqualTo("Nyt kalenderlink");
            assertThat(browser.text(".notice")).startsWith("Dit nye kalenderlink er lavet.");
            assertThat(browser.text("#calendar-link-hint")).startsWith("Markér hele linket, og kopiér det");
            String first = browser.find("#calendar-link").getAttribute("value");
            assertThat(first).startsWith(service.publicUrl() + "/ical/").endsWith(".ics");
            assertThat(browser.path()).as("the link is in no URL of the console").doesNotContain("/ical/");
            assertThat(feed(first)).isEqualTo(200);

            browser.submit("a[href='/leaders/me']");
            assertThat(browser.text("#calendar-state")).startsWith("Der er et kalenderlink, lavet ");
            assertThat(browser.driver().getPageSource()).as("shown once").doesNotContain(first);

            browser.submit("form[action$='/ical'] button");
            String second = browser.find("#calendar-link").getAttribute("value");
            assertThat(second).isNotEqualTo(first);
            assertThat(feed(first)).as("the old link stops working").isEqualTo(404);
            assertThat(feed(second)).isEqualTo(200);

            browser.submit("a[href='/leaders/me']").submit("form[action$='/ical/revoke'] button");
            assertThat(browser.path()).startsWith("/leaders/me?");
            assertThat(browser.text("#calendar .notice")).isEqualTo("Kalenderlinket er slået fra og virker ikke længere.");
            assertThat(browser.text("#calendar-state")).isEqualTo("Der er intet kalenderlink.");
            assertThat(browser.all("form[action$='/ical/revoke']")).isEmpty();
            assertThat(feed(second)).isEqualTo(404);
        }
    }

    @Test
    void aCoordinatorMakesAndRevokesALeadersLinkFromTheLeadersPage() {
        long leader = coordinator.leader("Ib Krogh", "+4520661102");
        try (var browser = Browser.open(service.uri("").toString(), 1280)) {
            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD).go("/leaders/" + leader + "/edit");
            browser.submit("form[action='/leaders/" + leader + "/ical'] button");
            assertThat(browser.text(".notice")).startsWith("Et nyt kalenderlink til Ib Krogh er lavet.");
            String link = browser.find("#calendar-link").getAttribute("value");
            assertThat(feed(link)).isEqualTo(200);

            browser.submit("a[href='/leaders/" + leader + "/edit']");
            browser.submit("form[action='/leaders/" + leader + "/ical/revoke'] button");
            assertThat(browser.path()).startsWith("/leaders/" + leader + "/edit?");
            assertThat(browser.text("#calendar .notice")).isEqualTo("Kalenderlinket er slået fra og virker ikke længere.");
            assertThat(feed(link)).isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void everyStateIsAccessibleAndPhotographed(int width) {
        String email = leaderAccount("Jette Mo " + width, "+45206611" + (width == 375 ? "75" : "80"));
        long leader = coordinator.leader("Karl Ry " + width, "+45206612" + (width == 375 ? "75" : "80"));
        try (var browser = Browser.open(service.uri("").toString(), width)) {
            browser.signIn(email, PASSWORD);
            browser.go("/leaders/me").accessible().screenshot("calendar-none");
            browser.submit("form[action$='/ical'] button").accessible().screenshot("calendar-link");
            browser.submit("a[href='/leaders/me']").accessible().screenshot("calendar-on");
            browser.submit("form[action$='/ical/revoke'] button").accessible().screenshot("calendar-revoked");
            browser.go("/leaders/me?lang=en").accessible().screenshot("calendar-none-en");
            browser.submit("form[action$='/ical'] button").accessible().screenshot("calendar-link-en");
            browser.go("/leaders/me?lang=da");
            browser.submit("form[action='/logout'] button");

            browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
            browser.go("/leaders/" + leader + "/edit");
            browser.submit("form[action='/leaders/" + leader + "/ical'] button").accessible().screenshot("calendar-link-coordinator");
            browser.submit("a[href='/leaders/" + leader + "/edit']").accessible().screenshot("leader-edit-calendar");
        }
    }

    /** A leader with a leader account that signs in with {@link #PASSWORD}; returns the account's address. */
    private static String leaderAccount(String name, String phone) {
        long leader = coordinator.leader(name, phone);
        String email = "leader" + leader + "@example.org";
        var made = service.api("POST", "/api/accounts", service.bearer(), "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"leader\",\"leaderId\":" + leader + "}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return email;
    }

    private static int feed(String link) {
        return service.get(URI.create(link).getPath()).statusCode();
    }
}
