package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Browser;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import dk.hotline.twilio.TwilioStubs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opkald / Calls in a real browser, with calls made as Twilio makes them: Maja takes one (five
 * minutes, of which the menu and ringing took a few seconds) and misses the next; a third comes
 * while nobody is on call. The coordinator sees all three, newest first, filtered by outcome and
 * local days; Maja's account sees only the two she was rung for, on the page and through the API.
 * Numbers are masked everywhere.
 */
class CallsPageBrowserTest {
    private static final String ANNE = "+4529876543";
    private static final String BO = "+4531415926";
    private static final String CECILIE = "+4527182818";
    private static final String MAJA_PHONE = "+4520000001";
    private static final String PASSWORD = "a-long-enough-password";
    private static final AtomicInteger SIDS = new AtomicInteger();
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static TestService service;
    private static Coordinator coordinator;

    @BeforeAll
    static void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        service = TestService.start(twilio.baseUrl(), env -> {
            env.put("HOTLINE_ROUTING_WRAP_UP", "PT0.001S");
            return env;
        }, Clock.systemUTC());
        coordinator = new Coordinator(service);
        Instant now = Instant.now();
        long maja = coordinator.leader("Maja Holm", MAJA_PHONE);
        coordinator.shift(maja, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)));
        var account = service.api("POST", "/api/accounts", service.bearer(), "{\"email\":\"maja@example.org\",\"password\":\""
                + PASSWORD + "\",\"role\":\"leader\",\"leaderId\":" + maja + "}");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);

        var answered = call(ANNE);
        var dial = answered.press("1");
        var leg = new TwilioCall.LeaderLeg(service, sid());
        leg.answer(dial.text("/Response/Dial/Number/@url"));
        leg.press("1");
        answered.dialEnds("completed");
        answered.hangUp(300);

        var missed = call(BO);
        missed.press("1");
        missed.dialEnds("no-answer");
        missed.press("");
        missed.hangUp(40);

        coordinator.patchLeader(maja, "{\"available\":false}");
        var nobody = call(CECILIE);
        nobody.press("1");
        nobody.press("");
        nobody.hangUp(20);
        coordinator.patchLeader(maja, "{\"available\":true}");
    }

    @AfterAll
    static void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void theCoordinatorSeesEveryCallNewestFirstMaskedAndFiltered() {
        try (var browser = signedIn(TestConfig.ADMIN_EMAIL, 1280)) {
            browser.go("/calls");

            assertThat(browser.text("[role='status']")).isEqualTo("3 opkald · side 1 af 1");
            var rows = browser.all("tbody tr").stream().map(r -> r.getText()).toList();
            assertThat(rows.get(0)).contains("+45 •••• ••18").contains("Mistet: ingen var på vagt");
            assertThat(rows.get(1)).contains("+45 •••• ••26").contains("Mistet: ingen tog telefonen").contains("1 · Dansk");
            assertThat(rows.get(2)).contains("+45 •••• ••43").contains("Besvaret af Maja Holm").contains("1 · Dansk");
            assertThat(browser.find("tbody tr:nth-child(3) td:nth-child(6)").getText()).as("talked").matches("4:5\\d|5:00");
            assertNoNumbers(browser.driver().getPageSource());

            browser.go("/calls?outcome=answered");
            assertThat(browser.all("tbody tr")).hasSize(1);
            assertThat(browser.find("#outcome option[selected]").getText()).isEqualTo("Besvaret");
            browser.go("/calls?outcome=missed");
            assertThat(browser.all("tbody tr")).hasSize(2);

            browser.go("/calls?from=2026-01-01&to=2026-01-02");
            assertThat(browser.text("main")).contains("Ingen opkald i den periode.");
            browser.go("/calls?from=2026-01-05&to=2026-01-01");
            assertThat(browser.text(".error-summary")).contains("Til-datoen må ikke være før fra-datoen");
        }
    }

    @Test
    void aLeaderSeesOnlyTheCallsItWasRungFor() {
        try (var browser = signedIn("maja@example.org", 1280)) {
            browser.go("/calls");

            assertThat(browser.all("tbody tr")).hasSize(2);
            assertThat(browser.text("tbody")).contains("Besvaret af Maja Holm").contains("Mistet: ingen tog telefonen")
                    .doesNotContain("ingen var på vagt");
            assertNoNumbers(browser.driver().getPageSource());
        }
        var token = service.api("POST", "/api/tokens", TestService.basic("maja@example.org", PASSWORD), null);
        Instant now = Instant.now();
        var calls = service.api("GET", "/api/calls?from=" + now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC) + "&to="
                + now.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC), "Bearer " + Json.text(Json.parse(token), "token"), null);
        assertThat(calls.statusCode()).isEqualTo(200);
        assertThat(Json.elements(calls.body())).hasSize(2);
        assertNoNumbers(calls.body());
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void everyStateIsAccessibleAndPhotographed(int width) {
        try (var browser = signedIn(TestConfig.ADMIN_EMAIL, width)) {
            browser.go("/calls").accessible().screenshot("calls");
            browser.go("/calls?from=2026-01-05&to=2026-01-01").accessible().screenshot("calls-error");
            browser.go("/calls?from=2026-01-01&to=2026-01-02").accessible().screenshot("calls-empty");
            browser.go("/calls?lang=en").accessible().screenshot("calls-en");
            assertThat(browser.text("h1")).isEqualTo("Calls");
            assertThat(browser.text("tbody")).contains("Answered by Maja Holm").contains("Missed: nobody answered");
        }
        try (var browser = signedIn("maja@example.org", width)) {
            browser.go("/calls").accessible().screenshot("calls-leader");
        }
    }

    private static Browser signedIn(String email, int width) {
        var browser = Browser.open(service.uri("").toString(), width);
        browser.signIn(email, email.equals(TestConfig.ADMIN_EMAIL) ? TestConfig.ADMIN_PASSWORD : PASSWORD);
        return browser;
    }

    private static void assertNoNumbers(String html) {
        for (String number : new String[] {ANNE, BO, CECILIE}) {
            ClearNumbers.assertNoneIn("/calls", html, number);
        }
    }

    private static TwilioCall call(String from) {
        var call = new TwilioCall(service, sid(), from);
        call.arrive();
        return call;
    }

    private static String sid() {
        return String.format("CA%032x", SIDS.incrementAndGet());
    }
}
