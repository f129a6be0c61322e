package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.privacy.RetentionJob;
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
 * Revision / Audit in a real browser: the audited acts, newest first, filtered by local dates
 * and 50 to a page. Two looks a day apart in Copenhagen's winter (UTC+1), the first at 23:30 local
 * (22:30 UTC), so a day's filter must be the local day; the coordinator's sign-in and the two new
 * leaders are written at that time too, and the browsers sign in two days later. Below the list,
 * the chain's state and what retention erases. Checked with axe-core and photographed.
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
        clock.set(Instant.parse("2026-03-06T10:00:00Z"));
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
            browser.go("/audit?to=2026-03-04");

            assertThat(browser.text("#audit-count")).isEqualTo("59 hændelser · side 1 af 2");
            assertThat(browser.all("#audit-log tbody tr")).hasSize(50);
            assertThat(browser.all("#audit-log tbody tr").get(0).getText()).contains("Otto Brun").contains("(ingen grund angivet)")
                    .contains("4/3 2026 00:30");
            browser.submit("a[rel='next']");

            var rows = browser.all("#audit-log tbody tr");
            assertThat(rows).hasSize(9);
            var last = rows.get(5).getText();
            assertThat(last).contains(TestConfig.ADMIN_EMAIL).contains("Nummeret til lederen Nina Ahl").contains("leader:" + early)
                    .contains("ringer tilbage efter aftale").contains("3/3 2026 23:30");
        }
    }

    @Test
    void aDateRangeIsLocalDaysBothIncluded() {
        try (var browser = signedIn(1280)) {
            browser.go("/audit?from=2026-03-03&to=2026-03-03");
            assertThat(browser.all("#audit-log tbody tr")).as("the API sign-in, two new leaders and a look").hasSize(4);
            assertThat(browser.text("#audit-log tbody")).contains("Nummeret til lederen Nina Ahl").contains("Oprettede lederen Otto Brun")
                    .contains(TestConfig.ADMIN_EMAIL + " hentede en API-nøgle (login)");

            browser.go("/audit?from=2026-03-04&to=2026-03-04");
            assertThat(browser.text("#audit-count")).startsWith("55 hændelser");
            assertThat(browser.find("#from").getAttribute("value")).isEqualTo("2026-03-04");

            browser.go("/audit?from=2026-03-07");
            assertThat(browser.text("main")).contains("Intet blev skrevet i loggen i den periode.");
        }
    }

    @Test
    void aBadRangeComesBackSayingWhat() {
        try (var browser = signedIn(1280)) {
            browser.go("/audit?from=2026-03-04&to=2026-03-01");

            assertThat(browser.text(".error-summary")).contains("ikke er før fra-datoen");
            assertThat(browser.find(".error-summary a").getAttribute("href")).endsWith("#to");
            assertThat(browser.all("#audit-log tbody tr")).isEmpty();
            assertThat(browser.all("#retention-rules tbody tr")).as("the rest of the page stands").isNotEmpty();
        }
    }

    @Test
    void theChainsStateAndWhatRetentionErasesAreShown() {
        service.runJob(RetentionJob.class);
        try (var browser = signedIn(1280)) {
            browser.go("/audit");
            assertThat(browser.text("#audit-verify")).startsWith("Kæden er hel: alle").endsWith("rækker er uændrede og i rækkefølge.");
            assertThat(browser.text("#retention-rules")).contains("Revisionsloggen").contains("1.825 dage efter (audit.retentionDays)")
                    .contains("Opkald: opkalderens nummer").contains("Senest 180 dage efter")
                    .contains("Gemmes: en leders eget nummer, så længe vedkommende er leder");
            assertThat(browser.text("#retention-last-run")).isEqualTo("Sidst kørt fredag 6/3 2026 11:00.");

            long reveal = service.jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM audit_log WHERE action = 'reveal' ORDER BY id LIMIT 1").mapTo(Long.class).one());
            service.jdbi().useHandle(h -> {
                h.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard");
                h.execute("UPDATE audit_log SET reason = 'noget andet' WHERE id = ?", reveal);
                h.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard");
            });
            try {
                browser.go("/audit").accessible().screenshot("audit-broken");
                assertThat(browser.text("#audit-verify")).startsWith("Kæden er brudt ved række nr. " + reveal + " (3/3 2026 23:30)");
            } finally {
                service.jdbi().useHandle(h -> {
                    h.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard");
                    h.execute("UPDATE audit_log SET reason = 'ringer tilbage efter aftale' WHERE id = ?", reveal);
                    h.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard");
                });
            }
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
