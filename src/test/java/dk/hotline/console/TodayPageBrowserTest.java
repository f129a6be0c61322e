package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Browser;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * I dag / Today on a busy Wednesday evening in Copenhagen (CET), every card fed by what really
 * happened through Twilio's webhooks: a call missed at 16:10 before anyone was on call, a text
 * asking to be rung back, a conversation nobody has answered yet, and a call ringing Maja now.
 * What a coordinator must see at a glance, and that no number is in the page in clear.
 */
class TodayPageBrowserTest {
    /** Wednesday 10 February 2027, 19:30 in Copenhagen. */
    private static final Instant NOW = Instant.parse("2027-02-10T18:30:00Z");
    private static final String MISSED_CALLER = "+4529110011";
    private static final String RINGING_CALLER = "+4529110022";
    private static final String TEXTER = "+4531220033";
    private static final String CALLBACK_TEXTER = "+4531220044";
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-02-10T15:10:00Z"));
    private static HotlineFixture hotline;
    private static TestService service;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        service = hotline.service();
        var coordinator = hotline.coordinator();
        long maja = coordinator.leader("Maja Holm", "+4520110001");
        long emil = coordinator.leader("Emil Berg", "+4520110002");
        coordinator.shift(maja, Instant.parse("2027-02-10T16:00:00Z"), Instant.parse("2027-02-10T20:00:00Z"));
        coordinator.shift(emil, Instant.parse("2027-02-10T20:00:00Z"), Instant.parse("2027-02-10T22:00:00Z"));
        coordinator.shift(maja, Instant.parse("2027-02-11T16:00:00Z"), Instant.parse("2027-02-11T20:00:00Z"));

        // 16:10 local: nobody on call yet; the caller asks for a person and gets none.
        var missed = new TwilioCall(service, "CA" + "0".repeat(31) + "1", MISSED_CALLER);
        missed.arrive();
        missed.press("1");
        missed.hangUp(40);

        clock.set(Instant.parse("2027-02-10T17:05:00Z"));
        hotline.sms().receive(TEXTER, "Hej, er der nogen?");
        hotline.sms().receive(CALLBACK_TEXTER, "RING");

        clock.set(NOW);
        var ringing = new TwilioCall(service, "CA" + "0".repeat(31) + "2", RINGING_CALLER);
        ringing.arrive();
        ringing.press("1");
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    private static Browser signedIn(int width) {
        var browser = Browser.open(service.uri("").toString(), width);
        browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        return browser;
    }

    @Test
    void aCoordinatorSeesTheEveningAtAGlance() {
        try (var browser = signedIn(1280)) {
            browser.go("/");

            assertThat(browser.text("section[aria-labelledby='oncall']")).contains("Maja Holm").contains("21:00").contains("Emil Berg");
            assertThat(browser.text("section[aria-labelledby='calls'] .big")).as("the call ringing Maja").isEqualTo("1");
            assertThat(browser.text("section[aria-labelledby='callbacks'] .big")).isEqualTo("1");
            assertThat(browser.text("section[aria-labelledby='unanswered'] .big")).isEqualTo("1");
            assertThat(browser.text("section[aria-labelledby='missed'] .big")).isEqualTo("1");
            assertThat(browser.text("section[aria-labelledby='missed']")).contains("16:10");
            assertThat(browser.text("section[aria-labelledby='gaps']")).as("after Emil's shift nobody is on call")
                    .contains("23:00");

            String source = browser.driver().getPageSource();
            for (String number : new String[] {MISSED_CALLER, RINGING_CALLER, TEXTER, CALLBACK_TEXTER}) {
                assertThat(source).as("no number in clear").doesNotContain(number.substring(3));
            }
            assertThat(source).as("never the words of a text").doesNotContain("er der nogen");
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void theBusyPageIsAccessibleAndPhotographed(int width) {
        try (var browser = signedIn(width)) {
            browser.go("/").accessible().screenshot("today-busy");
        }
    }
}
