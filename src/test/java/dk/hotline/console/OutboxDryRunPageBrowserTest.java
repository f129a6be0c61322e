package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.Browser;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.twilio.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Udsendt / Outbox without Twilio credentials: the page says first that nothing is sent, and lists
 * what would have been (what for, to whom masked, when), still without a word of it.
 */
class OutboxDryRunPageBrowserTest {
    private static final String TEXTER = "+4520123456";
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start("http://127.0.0.1:9", env -> {
            env.remove("TWILIO_ACCOUNT_SID");
            env.remove("TWILIO_AUTH_TOKEN");
            // Without the simulator, dry-run checks no signature, as the README's curl examples need.
            env.put("HOTLINE_SIMULATOR_ENABLED", "false");
            return env;
        }, Clock.systemUTC());
        // Dry-run has no auth token to check signatures with, as in local development.
        var text = service.postForm(Webhook.SMS.path(), Map.of("MessageSid", "SM00000000000000000000000000000078",
                "From", TEXTER, "Body", "HJÆLP"), Map.of());
        assertThat(text.statusCode()).isEqualTo(200);
        String bearer = service.bearer();
        Await.until("the answer is recorded", Duration.ofSeconds(10), () -> Json.elements(Json.parse(
                service.api("GET", "/api/outbox?status=dry-run", bearer, null))).size() == 1);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void thePageSaysNothingIsSentAndListsWhatWouldHaveBeen() {
        try (var browser = signedIn(1280)) {
            browser.go("/outbox");

            assertThat(browser.text("#dry-run")).startsWith("Prøvekørsel").contains("intet bliver sendt");
            assertThat(browser.text("tbody tr")).contains("Svar på HJÆLP").contains("+45 •••• ••56")
                    .contains("Ville være sendt (prøvekørsel)");
            // Privacy: neither the answer's words nor the texter's number in clear.
            assertThat(browser.driver().getPageSource()).doesNotContain(service.text("da", "smsHelp").substring(0, 20))
                    .doesNotContain("20123456");

            browser.go("/outbox?status=dry-run&lang=en");
            assertThat(browser.text("#dry-run")).startsWith("Dry run");
            assertThat(browser.text("tbody tr")).contains("Answer to HELP").contains("Would have been sent (dry run)");
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void isAccessibleAndPhotographed(int width) {
        try (var browser = signedIn(width)) {
            browser.go("/outbox?lang=da").accessible().screenshot("outbox-dry-run");
        }
    }

    private static Browser signedIn(int width) {
        var browser = Browser.open(service.uri("").toString(), width);
        browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        return browser;
    }
}
