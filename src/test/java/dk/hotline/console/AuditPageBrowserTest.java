package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Browser;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Revision / Audit in a real browser: the looks at numbers, newest first, filtered by local dates
 * and 50 to a page. Two looks a day apart in Copenhagen's winter (UTC+1), the first at 23:30 local
 * (22:30 UTC), so a day's filter must be the local day. Checked with axe-core and photographed.
 */
class AuditPageBrowserTest {
    /** Tuesday 3 March 2026, 23:30 in Copenhagen. */
    private static final Instant FIRST = Instant.parse("2026-03-03T22:30:00Z");
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static final MutableClock clock = new MutableClock(FIRST);
    private static TestService service;
    private static long early;
    private static long late;

    @BeforeAll
    static void start() {
        twilio.start();
        service = TestService.startWithClock(twilio.baseUrl(), clock);
        var coordinator = new Coordinator(service);
        early = coordinator.leader("Nina Ahl");
        late = coordinator.leader("Otto Brun");
        assertThat(coordinator.get("/api/leaders/" + early + "?reveal=true&reason=ringer%20tilbage%20efter%20aftale")).isNotBlank();
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 55; i++) {
            coordinator.get("/api/leaders/" + late + "?reveal=true");
        }
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
    void theNewestComeFirstFiftyToAPage() {
        try (var browser = signedIn(1280)) {
            browser.go("/audit");

            assertThat(browser.text("[role='status']")).isEqualTo("56 opslag · side 1 af 2");
            assertThat(browser.all("tbody tr")).hasSize(50);
            assertThat(browser.all("tbody tr").get(0).getText()).contains("Otto Brun").contains("(ingen grund angivet)")
                    .contains("4/3 2026 00:30");
            browser.submit("a[rel='next']");

            assertThat(browser.all("tbody tr")).hasSize(6);
            var last = browser.all("tbody tr").get(5).getText();
            assertThat(last).contains(TestConfig.ADMIN_EMAIL).contains("Nummeret til lederen Nina Ahl").contains("leader:" + early)
                    .contains("ringer tilbage efter aftale").contains("3/3 2026 23:30");
        }
    }

    @Test
    void aDateRangeIsLocalDaysBothIncluded() {
        try (var browser = signedIn(1280)) {
            browser.go("/audit?from=2026-03-03&to=2026-03-03");
            assertThat(browser.all("tbody tr")).hasSize(1);
            assertThat(browser.text("tbody")).contains("Nina Ahl");

            browser.go("/audit?from=2026-03-04&to=2026-03-04");
            assertThat(browser.text("[role='status']")).startsWith("55 opslag");
            assertThat(browser.find("#from").getAttribute("value")).isEqualTo("2026-03-04");

            browser.go("/audit?from=2026-03-05");
            assertThat(browser.text("main")).contains("Ingen har set et nummer i den periode.");
        }
    }

    @Test
    void aBadRangeComesBackSayingWhat() {
        try (var browser = signedIn(1280)) {
            browser.go("/audit?from=2026-03-04&to=2026-03-01");

            assertThat(browser.text(".error-summary")).contains("ikke er før fra-datoen");
            assertThat(browser.find(".error-summary a").getAttribute("href")).endsWith("#to");
            assertThat(browser.all("tbody tr")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void everyStateIsAccessibleAndPhotographed(int width) {
        try (var browser = signedIn(width)) {
            browser.go("/audit").accessible().screenshot("audit");
            browser.go("/audit?page=2").accessible().screenshot("audit-page-2");
            browser.go("/audit?from=2026-03-04&to=2026-03-01").accessible().screenshot("audit-error");
            browser.go("/audit?from=2030-01-01").accessible().screenshot("audit-empty");
        }
    }
}
