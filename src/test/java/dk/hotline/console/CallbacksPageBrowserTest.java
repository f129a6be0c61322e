package dk.hotline.console;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Await;
import dk.hotline.testing.Browser;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.FormBody;
import dk.hotline.testing.Json;
import dk.hotline.testing.PageSession;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

/**
 * Tilbageringninger / Callbacks in a real browser. Three people ask to be called back: Anne by
 * phone while Maja is on call, Bo by text while only Emil is (Maja is switched off), Cecilie by
 * phone with Maja on call again. Maja's account sees Anne's and Cecilie's and is refused Bo's, on
 * the page and through the API with its own token; the coordinator sees all three. Maja looks at
 * Anne's number with a reason (the audit log has it), rings herself through the service and marks
 * it handled; the coordinator, who must pick a leader, has Emil rung to call Bo back. No page
 * shows a number in clear except the one answer that reveals it.
 */
class CallbacksPageBrowserTest {
    private static final String ANNE = "+4529876543";
    private static final String BO = "+4531415926";
    private static final String CECILIE = "+4527182818";
    private static final String MAJA_PHONE = "+4520000001";
    private static final String EMIL_PHONE = "+4520000002";
    private static final String PASSWORD = "a-long-enough-password";
    private static final AtomicInteger SIDS = new AtomicInteger();
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static TestService service;
    private static Coordinator coordinator;
    private static long maja;
    private static long emil;
    private static long anne;
    private static long bo;
    private static long cecilie;

    @BeforeAll
    static void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        TwilioStubs.callCreated(twilio);
        service = TestService.start(twilio.baseUrl(), env -> {
            env.put("HOTLINE_OUTBOX_RATE", "1000");
            return env;
        }, Clock.systemUTC());
        coordinator = new Coordinator(service);
        Instant now = Instant.now();
        maja = coordinator.leader("Maja Holm", MAJA_PHONE);
        emil = coordinator.leader("Emil Lund", EMIL_PHONE);
        coordinator.shift(maja, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)));
        account("maja@example.org", maja);
        account("emil@example.org", emil);

        anne = askByPhone(ANNE);
        coordinator.patchLeader(maja, "{\"available\":false}");
        coordinator.shift(emil, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)));
        new TwilioSms(service, twilio).receive(BO, "RING");
        bo = newestOpen();
        coordinator.patchLeader(emil, "{\"available\":false}");
        coordinator.patchLeader(maja, "{\"available\":true}");
        cecilie = askByPhone(CECILIE);
    }

    @AfterAll
    static void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void aLeaderSeesWhatItWasToldOfAndIsRefusedTheRest() {
        try (var browser = signedIn("maja@example.org", 1280)) {
            browser.go("/callbacks");

            assertThat(browser.all("nav.menu a").stream().map(a -> a.getText()).toList()).contains("Tilbageringninger", "Opkald");
            assertThat(browser.find("#request-" + anne).getText()).contains("Ønske nr. " + anne).contains("+45 •••• ••43")
                    .contains("hurtigst muligt").contains("Dansk");
            assertThat(browser.text("#request-" + anne + " .told")).isEqualTo("Maja Holm");
            assertThat(browser.text("#request-" + anne + " .call")).isEqualTo("Ikke ringet op endnu");
            assertThat(browser.all("#request-" + bo)).as("Bo's request was told to Emil only").isEmpty();
            assertThat(browser.all("select[name='leaderId']")).as("a leader rings itself").isEmpty();
            assertNoNumbers(browser.driver().getPageSource());

            for (String path : new String[] {"/callbacks/" + bo + "/reveal", "/callbacks/999999/reveal"}) {
                browser.go(path);
                assertThat(browser.text("h1")).as(path).isEqualTo("Det har du ikke adgang til");
            }
        }
        String before = Json.withId(Json.parse(coordinator.get("/api/callbacks?status=all")), bo).toString();
        String token = token("maja@example.org");
        var listed = service.api("GET", "/api/callbacks", token, null);
        assertThat(Json.ids(Json.parse(listed))).containsExactlyInAnyOrder(anne, cecilie);
        assertThat(Json.withId(Json.parse(listed), anne).get("toldLeaderIds").get(0).asLong()).isEqualTo(maja);
        assertThat(service.api("POST", "/api/callbacks/" + bo + "/done", token, null).statusCode()).isEqualTo(403);
        assertThat(service.api("POST", "/api/callbacks/" + bo + "/call", token, null).statusCode()).isEqualTo(403);
        assertThat(service.api("POST", "/api/callbacks/" + anne + "/call", token, "{\"leaderId\":" + emil + "}").statusCode())
                .as("a leader rings only itself").isEqualTo(403);
        assertThat(Json.withId(Json.parse(coordinator.get("/api/callbacks?status=all")), bo).toString())
                .as("nothing changed").isEqualTo(before);
    }

    @Test
    void theCoordinatorSeesAllAndHasALeaderRungToCallBack() {
        try (var browser = signedIn(TestConfig.ADMIN_EMAIL, 1280)) {
            browser.go("/callbacks");
            assertThat(browser.text("#request-" + anne + " .told")).isEqualTo("Maja Holm");
            assertThat(browser.text("#request-" + bo + " .told")).isEqualTo("Emil Lund");
            assertThat(browser.find("#request-" + cecilie).getText()).contains("+45 •••• ••18");
            assertNoNumbers(browser.driver().getPageSource());

            browser.submit("#request-" + bo + " form[action$='/call'] button");
            assertThat(browser.text(".error-summary")).contains("Vælg den leder, der skal ringe op.");
            assertThat(browser.find(".error-summary a").getAttribute("href")).endsWith("#leader-" + bo);

            twilio.resetRequests();
            new Select(browser.find("#leader-" + bo)).selectByVisibleText("Emil Lund");
            browser.submit("#request-" + bo + " form[action$='/call'] button");

            assertThat(browser.text(".notice")).contains("Lederens telefon ringer nu for ønske nr. " + bo);
            assertThat(browser.text("#request-" + bo + " .call")).isEqualTo("Ringer til Emil Lund nu");
            Await.until("Emil's phone is rung", Duration.ofSeconds(10),
                    () -> !twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH))).isEmpty());
            var placed = FormBody.parse(twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.CALLS_PATH))).get(0).getBodyAsString());
            assertThat(placed).containsEntry("To", EMIL_PHONE);
        }
    }

    @Test
    void aLeaderRevealsWithAReasonRingsItselfAndMarksItHandled() {
        try (var browser = signedIn("maja@example.org", 1280)) {
            browser.go("/callbacks").submit("#request-" + anne + " a[href$='/reveal']");
            browser.submit("form[action$='/reveal'] button[type='submit']");
            assertThat(browser.text(".error-summary")).contains("Skriv, hvorfor du skal se nummeret");

            browser.type("#reason", "ringer tilbage efter aftale").submit("form[action$='/reveal'] button[type='submit']");
            assertThat(browser.text(".revealed")).isEqualTo("+45 29 87 65 43");
            assertThat(browser.path()).as("the number is in no URL").isEqualTo("/callbacks/" + anne + "/reveal");
            var audit = Json.parse(coordinator.get("/api/audit"));
            var row = Json.withText(audit, "subject", "callback:" + anne);
            assertThat(Json.text(row, "email")).isEqualTo("maja@example.org");
            assertThat(Json.text(row, "reason")).isEqualTo("ringer tilbage efter aftale");

            browser.go("/callbacks").submit("#request-" + anne + " form[action$='/call'] button");
            assertThat(browser.text(".notice")).contains("Lederens telefon ringer nu for ønske nr. " + anne);
            assertThat(browser.text("#request-" + anne + " .call")).as("a leader rings itself").isEqualTo("Ringer til Maja Holm nu");

            browser.submit("#request-" + anne + " form[action$='/done'] button");
            assertThat(browser.text(".notice")).isEqualTo("Ønske nr. " + anne + " er markeret som klaret.");
            assertThat(browser.all("#request-" + anne)).isEmpty();
            assertThat(browser.text("#handled-" + anne)).contains("Maja Holm");
            assertNoNumbers(browser.driver().getPageSource());
        }
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndChangesNothing() {
        var session = PageSession.signIn(service, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);

        var refused = session.post("/callbacks/" + cecilie + "/done", Map.of());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Json.text(Json.withId(Json.parse(coordinator.get("/api/callbacks?status=all")), cecilie), "status"))
                .isEqualTo("open");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void everyStateIsAccessibleAndPhotographed(int width) {
        try (var browser = signedIn(TestConfig.ADMIN_EMAIL, width)) {
            browser.go("/callbacks").accessible().screenshot("callbacks");
            browser.go("/callbacks/" + cecilie + "/reveal").accessible().screenshot("callback-reveal");
            browser.submit("form[action$='/reveal'] button[type='submit']").accessible().screenshot("callback-reveal-error");
            browser.go("/callbacks?lang=en").accessible().screenshot("callbacks-en");
            assertThat(browser.text("h1")).isEqualTo("Callbacks");
            assertThat(browser.text("#request-" + cecilie)).contains("Not called yet").contains("as soon as possible");
        }
        try (var browser = signedIn("maja@example.org", width)) {
            browser.go("/callbacks").accessible().screenshot("callbacks-leader");
        }
    }

    private static Browser signedIn(String email, int width) {
        var browser = Browser.open(service.uri("").toString(), width);
        browser.signIn(email, email.equals(TestConfig.ADMIN_EMAIL) ? TestConfig.ADMIN_PASSWORD : PASSWORD);
        return browser;
    }

    private static void assertNoNumbers(String html) {
        for (String number : new String[] {ANNE, BO, CECILIE}) {
            ClearNumbers.assertNoneIn("/callbacks", html, number);
        }
    }

    /** A call: the caller presses 3 for a callback, 1 to agree, and no key for "as soon as possible". */
    private static long askByPhone(String from) {
        var call = new TwilioCall(service, String.format("CA%032x", SIDS.incrementAndGet()), from);
        call.arrive();
        call.press("3");
        call.press("1");
        call.press("");
        return newestOpen();
    }

    private static long newestOpen() {
        var open = Json.ids(Json.parse(coordinator.get("/api/callbacks")));
        return open.get(open.size() - 1);
    }

    private static void account(String email, long leader) {
        var response = service.api("POST", "/api/accounts", service.bearer(), "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"role\":\"leader\",\"leaderId\":" + leader + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String token(String email) {
        var response = service.api("POST", "/api/tokens", TestService.basic(email, PASSWORD), null);
        return "Bearer " + Json.text(Json.parse(response), "token");
    }
}
