package dk.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.Browser;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.LogCapture;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.twilio.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Telefonsimulator / Phone simulator, as a coordinator uses it in dry-run: a caller rings the
 * hotline, presses 1, Anna's phone rings, she hears the caller's language, presses 1 and they
 * talk; a second caller meanwhile waits in the queue and hears her place; a texter and Anna write
 * to each other through the [K…] tag. Every step is a webhook the simulator signed, checked by
 * the service's signature filter: the timeline shows nothing else, and no request was refused.
 */
class SimulatorBrowserTest {
    private static final String ANNA = "+4520000011";
    private static TestService service;
    private static long anna;
    private static LogCapture logs;

    @BeforeAll
    static void start() {
        logs = new LogCapture();
        service = TestService.start("http://127.0.0.1:9", env -> {
            env.remove("TWILIO_ACCOUNT_SID");
            env.remove("TWILIO_AUTH_TOKEN");
            env.put("HOTLINE_OUTBOX_POLL_INTERVAL", "PT0.2S");
            return env;
        }, Clock.systemUTC());
        var coordinator = new Coordinator(service);
        anna = coordinator.leader("Anna Lund", ANNA);
        coordinator.shift(anna, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(3)));
    }

    @AfterAll
    static void stop() {
        service.close();
        logs.close();
    }

    /** The simulator's request log: only signed webhooks to /twilio/**, every one let through by the signature filter. */
    private static void onlySignedWebhooksWereSent(Browser browser) {
        browser.go("/simulator/state");
        var exchanges = Json.parse(browser.driver().findElement(By.tagName("body")).getText()).path("timeline");
        assertThat(exchanges).isNotEmpty();
        exchanges.forEach(exchange -> {
            assertThat(exchange.path("path").asText()).startsWith("/twilio/");
            assertThat(exchange.path("signed").asBoolean()).isTrue();
            assertThat(exchange.path("status").asInt()).as(exchange.path("path").asText()).isBetween(200, 299);
        });
        assertThat(logs.lines()).as("the simulator signs every request; only a forged one, unsigned, is refused")
                .noneMatch(line -> line.contains("twilio.bad_signature") && line.contains("signed=true"));
    }

    @Test
    void aCallReachesAnnaWhoTakesItAndASecondCallerWaitsInTheQueue() {
        try (var browser = signedIn(1280)) {
            browser.go("/simulator");
            var caller = addCaller(browser, "+45 21 00 00 01");

            click(browser, caller, "[data-action='call']");
            awaitState(browser, caller, "keys");
            assertThat(text(browser, caller, ".heard")).as("the greeting and the menu").contains("ring 1 1 2").contains("Tryk 1");

            click(browser, caller, "[data-key='1']");
            var annasPhone = "article[data-phone='leader-" + anna + "']";
            awaitState(browser, annasPhone, "ringing");
            assertThat(state(browser, caller)).isEqualTo("dialing");

            click(browser, annasPhone, "[data-action='answer']");
            awaitState(browser, annasPhone, "keys");
            assertThat(text(browser, annasPhone, ".heard")).as("the whisper: which language, press 1").contains("dansk");

            click(browser, annasPhone, "[data-key='1']");
            awaitState(browser, caller, "connected");
            awaitState(browser, annasPhone, "connected");
            assertThat(text(browser, caller, ".status")).contains("Forbundet").contains("Anna Lund");
            browser.screenshot("simulator-connected");

            // Anna is busy now: the next caller waits in the queue, and is told her place.
            var second = addCaller(browser, "+45 21 00 00 02");
            click(browser, second, "[data-action='call']");
            awaitState(browser, second, "keys");
            click(browser, second, "[data-key='1']");
            awaitState(browser, second, "queued");
            Await.until("the second caller hears her place in the queue", Await.SOON,
                    () -> text(browser, second, ".status").contains("nummer 1 i køen"));
            assertThat(text(browser, second, ".heard")).contains("1");
            browser.screenshot("simulator-queue");

            click(browser, caller, "[data-action='hangup']");
            awaitState(browser, caller, "ended");
            awaitState(browser, annasPhone, "ended");
            click(browser, second, "[data-action='hangup']");
            awaitState(browser, second, "ended");
            onlySignedWebhooksWereSent(browser);
        }
    }

    @Test
    void aTexterAndAnnaWriteToEachOtherThroughTheTag() {
        try (var browser = signedIn(1280)) {
            browser.go("/simulator");
            var texter = addCaller(browser, "+45 31 00 00 03");
            var annasPhone = "article[data-phone='leader-" + anna + "']";

            send(browser, texter, "Hej, er der nogen der kan tale?");
            Await.until("Anna gets the text with a tag instead of the number", Await.SOON,
                    () -> texts(browser, annasPhone).stream().anyMatch(t -> t.matches("\\[K\\d+] Hej, er der nogen der kan tale\\?")));
            String relayed = texts(browser, annasPhone).stream().filter(t -> t.startsWith("[K")).findFirst().orElseThrow();
            String tag = relayed.substring(1, relayed.indexOf(']'));

            send(browser, annasPhone, tag + " Ja, jeg er her. Hvordan har du det?");
            Await.until("the texter gets Anna's answer, from the hotline's number", Await.SOON,
                    () -> texts(browser, texter).contains("Ja, jeg er her. Hvordan har du det?"));
            assertThat(browser.driver().getPageSource()).as("numbers are masked on the page")
                    .doesNotContain("31000003").doesNotContain("20000011");
            browser.screenshot("simulator-texts");
            onlySignedWebhooksWereSent(browser);
        }
    }

    @Test
    void anUnsignedWebhookIsRefusedWhileTheSimulatorRuns() {
        var forged = service.postForm(Webhook.VOICE.path(), Map.of("CallSid", "CA" + "0".repeat(31) + "9",
                "From", "+4521000009"), Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        try (var browser = signedIn(375)) {
            browser.go("/simulator");
            addCaller(browser, "+45 21 00 00 09");
            browser.accessible().screenshot("simulator");
        }
    }

    private static String addCaller(Browser browser, String number) {
        int before = browser.all("#caller-phones article").size();
        browser.find("#caller-number").clear();
        browser.type("#caller-number", number);
        browser.find("#new-caller button[type='submit']").click();
        Await.until("the caller's phone is on the page", Await.SOON, () -> browser.all("#caller-phones article").size() > before);
        List<WebElement> phones = browser.all("#caller-phones article");
        return "article[data-phone='" + phones.get(phones.size() - 1).getAttribute("data-phone") + "']";
    }

    private static void send(Browser browser, String phone, String body) {
        var input = browser.find(phone + " .compose input");
        input.sendKeys(body);
        browser.find(phone + " .compose button").click();
        Await.until("the text is on the sending phone", Await.SOON, () -> texts(browser, phone).contains(body));
    }

    private static void click(Browser browser, String phone, String button) {
        browser.find(phone + " " + button).click();
    }

    private static void awaitState(Browser browser, String phone, String state) {
        Await.until(phone + " is " + state, Await.SOON, () -> state.equals(state(browser, phone)));
    }

    private static String state(Browser browser, String phone) {
        return browser.find(phone).getAttribute("data-state");
    }

    private static String text(Browser browser, String phone, String part) {
        return browser.find(phone + " " + part).getText();
    }

    /** The phone's texts, read in one go: the page redraws the list when a text arrives. */
    @SuppressWarnings("unchecked")
    private static List<String> texts(Browser browser, String phone) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(li => li.textContent);", phone + " .texts li");
    }

    private static Browser signedIn(int width) {
        var browser = Browser.open(service.uri("").toString(), width);
        browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        return browser;
    }
}
