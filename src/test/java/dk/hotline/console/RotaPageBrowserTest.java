package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Browser;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Vagtplan / Rota in a real browser, as a coordinator plans a week and a leader reads it. "Now"
 * is Wednesday 2 December 2026 (week 49) in Copenhagen; each test plans in weeks of its own. The
 * clocks change on Sunday 28 March 2027 (ISO week 2027-W12) and Sunday 31 October 2027 (2027-W43).
 */
class RotaPageBrowserTest {
    private static final String LEADER_EMAIL = "emil@example.org";
    private static final String LEADER_PASSWORD = "emils-long-password";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private static TestService service;
    private static Coordinator coordinator;
    private static long maja;
    private static long emil;

    @BeforeAll
    static void start() {
        service = TestService.startWithClock("http://127.0.0.1:9", new MutableClock(Instant.parse("2026-12-02T10:00:00Z")));
        coordinator = new Coordinator(service);
        maja = coordinator.leader("Maja Holm");
        emil = coordinator.leader("Emil Berg");
        long ida = coordinator.leader("Ida Lund");
        var account = coordinator.post("/api/accounts", "{\"email\":\"" + LEADER_EMAIL + "\",\"password\":\"" + LEADER_PASSWORD
                + "\",\"role\":\"leader\",\"leaderId\":" + emil + "}");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        // Week 52 of 2026, as a week is often planned: evenings on weekdays, a night, a Saturday, and holes between.
        for (String day : List.of("21", "22", "23", "24")) {
            coordinator.shift(maja, local("2026-12-" + day + "T17:00"), local("2026-12-" + day + "T21:00"));
        }
        coordinator.shift(ida, local("2026-12-25T22:00"), local("2026-12-26T08:00"));
        coordinator.shift(emil, local("2026-12-26T10:00"), local("2026-12-26T14:00"));
        coordinator.shift(emil, local("2026-12-21T17:00"), local("2026-12-21T21:00"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aCoordinatorAddsAShiftAndSeesItInTheWeek() {
        try (var browser = coordinatorBrowser(1280)) {
            browser.go("/rota?week=2026-W50");
            assertThat(browser.all(".week .shift")).isEmpty();

            new Select(browser.find("#add-leaderId")).selectByVisibleText("Maja Holm");
            set(browser, "#add-start", "2026-12-08T17:00");
            set(browser, "#add-end", "2026-12-08T21:00");
            browser.submit("form[action='/rota/shifts'] button");

            assertThat(browser.path()).isEqualTo("/rota?week=2026-W50&done=added");
            assertThat(browser.text(".notice")).isEqualTo("Vagten er tilføjet.");
            assertThat(day(browser, 1).findElement(By.tagName("h3")).getText()).isEqualTo("Tirsdag 8/12");
            assertThat(shifts(day(browser, 1))).containsExactly("Maja Holm 17:00–21:00");
        }
    }

    @Test
    void aCoordinatorMovesAShiftHandsItOverAndDeletesIt() {
        coordinator.shift(maja, local("2026-12-14T17:00"), local("2026-12-14T21:00"));
        try (var browser = coordinatorBrowser(1280)) {
            browser.go("/rota?week=2026-W51");
            browser.submit(".day:nth-child(1) .slot-edit");
            assertThat(browser.text("#edit-heading")).isEqualTo("Ret vagten: Maja Holm, mandag 14/12 17:00–21:00");
            assertThat(browser.find("#move-start").getAttribute("value")).isEqualTo("2026-12-14T17:00");

            set(browser, "#move-start", "2026-12-16T18:00");
            set(browser, "#move-end", "2026-12-16T22:00");
            browser.submit("form[action$='/move'] button");

            assertThat(browser.text(".notice")).isEqualTo("Vagten er flyttet.");
            assertThat(shifts(day(browser, 0))).isEmpty();
            assertThat(shifts(day(browser, 2))).containsExactly("Maja Holm 18:00–22:00");

            browser.submit(".day:nth-child(3) .slot-edit");
            new Select(browser.find("#handOver-leaderId")).selectByVisibleText("Emil Berg");
            browser.submit("form[action$='/hand-over'] button");

            assertThat(browser.text(".notice")).isEqualTo("Vagten er givet videre.");
            assertThat(shifts(day(browser, 2))).containsExactly("Emil Berg 18:00–22:00");

            browser.submit(".day:nth-child(3) .slot-edit");
            browser.submit("form[action$='/delete'] button");

            assertThat(browser.text(".notice")).isEqualTo("Vagten er slettet.");
            assertThat(browser.all(".week .shift")).isEmpty();
            assertThat(browser.text(".gap-summary")).isEqualTo("⚠ Der er ingen vagter i denne uge: ingen er på vagt.");
        }
    }

    @Test
    void aWeekWithGapsShowsThemInEachDayInWords() {
        try (var browser = coordinatorBrowser(1280)) {
            browser.go("/rota?week=2026-W52");

            assertThat(browser.text("#week-heading")).isEqualTo("Uge 52: 21. december – 27. december 2026");
            assertThat(browser.text(".gap-summary")).contains("tidsrum i ugen er uden vagt");
            assertThat(slots(day(browser, 0))).as("Monday, in order of time").containsExactly(
                    "Ingen på vagt 00:00–17:00", "Maja Holm 17:00–21:00", "Emil Berg 17:00–21:00", "Ingen på vagt 21:00–24:00");
            assertThat(slots(day(browser, 4))).as("a night shift shows on Friday").containsExactly(
                    "Ingen på vagt 00:00–22:00", "Ida Lund 22:00–08:00 til lørdag");
            assertThat(slots(day(browser, 5))).as("and on Saturday").containsExactly(
                    "Ida Lund 22:00–08:00 fra fredag", "Ingen på vagt 08:00–10:00", "Emil Berg 10:00–14:00",
                    "Ingen på vagt 14:00–24:00");
            assertThat(slots(day(browser, 6))).containsExactly("Ingen på vagt 00:00–24:00");
        }
    }

    @Test
    void theWeekTheClocksChangeShowsAnEveningShiftAtItsLocalTimes() {
        try (var browser = coordinatorBrowser(1280)) {
            for (String[] week : new String[][] {{"2027-W12", "2027-03-28", "23", "frem"}, {"2027-W43", "2027-10-31", "25", "tilbage"}}) {
                browser.go("/rota?week=" + week[0]);
                new Select(browser.find("#add-leaderId")).selectByVisibleText("Maja Holm");
                set(browser, "#add-start", week[1] + "T17:00");
                set(browser, "#add-end", week[1] + "T21:00");
                browser.submit("form[action='/rota/shifts'] button");

                assertThat(browser.path()).isEqualTo("/rota?week=" + week[0] + "&done=added");
                assertThat(browser.text(".day:nth-child(7) h3")).startsWith("Søndag " + week[1].substring(8).replaceFirst("^0", "") + "/");
                assertThat(browser.text(".day:nth-child(7) .day-note")).isEqualTo("Døgnet har " + week[2] + " timer: uret stilles en time " + week[3] + ".");
                assertThat(shifts(day(browser, 6))).containsExactly("Maja Holm 17:00–21:00");
                browser.accessible().screenshot("rota-dst-" + week[2] + "h");
            }
        }
        String march = coordinator.get("/api/shifts?from=2027-03-28T00:00:00%2B01:00&to=2027-03-29T00:00:00%2B02:00");
        assertThat(Json.text(Json.elements(march).get(0), "start")).as("summer time began that morning")
                .isEqualTo("2027-03-28T17:00:00+02:00");
    }

    @Test
    void aRefusedShiftIsShownAgainWithTheErrorBesideItsFieldAndWhatWasTyped() {
        coordinator.shift(maja, local("2027-01-26T16:00"), local("2027-01-26T20:00"));
        try (var browser = coordinatorBrowser(1280)) {
            browser.go("/rota?week=2027-W04");
            addWithError(browser, "2027-01-26T19:00", "2027-01-26T18:00");

            assertThat(browser.text(".error-summary")).contains("Vagten skal slutte, efter den begynder.");
            assertThat(browser.find(".error-summary a").getAttribute("href")).endsWith("#add-end");
            assertThat(browser.text("#add-end-error")).endsWith("Vagten skal slutte, efter den begynder.");
            assertThat(browser.find("#add-start").getAttribute("value")).isEqualTo("2027-01-26T19:00");
            assertThat(new Select(browser.find("#add-leaderId")).getFirstSelectedOption().getText()).isEqualTo("Maja Holm");

            set(browser, "#add-end", "2027-01-26T22:00");
            browser.submit("form[action='/rota/shifts'] button");

            assertThat(browser.text("#add-start-error")).endsWith("Maja Holm har allerede en vagt i det tidsrum.");
            assertThat(shifts(day(browser, 1))).as("nothing added").containsExactly("Maja Holm 16:00–20:00");
        }
    }

    @Test
    void aCoordinatorAddsAWeeklyShiftThatFillsTheComingWeeksAndDeletesIt() {
        try (var browser = coordinatorBrowser(1280)) {
            browser.go("/rota?week=2027-W01");
            assertThat(browser.text("#templates-heading + .hint")).contains("6 uger frem");
            new Select(browser.find("#template-leaderId")).selectByVisibleText("Ida Lund");
            new Select(browser.find("#template-weekday")).selectByVisibleText("Tirsdag");
            set(browser, "#template-start", "09:00");
            set(browser, "#template-end", "12:00");
            browser.submit("form[action='/rota/templates'] button");

            assertThat(browser.text(".notice")).startsWith("Den faste vagt er tilføjet");
            assertThat(browser.text("table tbody")).contains("Tirsdag 09:00–12:00 Ida Lund");
            assertThat(shifts(day(browser, 1))).containsExactly("Ida Lund 09:00–12:00");
            browser.accessible().screenshot("rota-template");

            browser.submit("form[action^='/rota/templates/'] button");

            assertThat(browser.text(".notice")).startsWith("Den faste vagt er slettet");
            assertThat(browser.text("#templates-heading ~ p:not(.hint)")).isEqualTo("Der er ingen faste vagter endnu.");
            assertThat(shifts(day(browser, 1))).isEmpty();
        }
    }

    @Test
    void aLeaderSeesTheWeekButNoFormsAndAPostIsRefused() throws Exception {
        try (var browser = Browser.open(service.uri("").toString(), 1280)) {
            browser.signIn(LEADER_EMAIL, LEADER_PASSWORD);
            browser.go("/rota?week=2026-W52");

            assertThat(browser.find("nav.menu a[href='/rota']").getText()).isEqualTo("Vagtplan");
            assertThat(shifts(day(browser, 0))).containsExactly("Maja Holm 17:00–21:00", "Emil Berg 17:00–21:00 din vagt");
            assertThat(browser.all("main form[method='post']")).isEmpty();
            assertThat(browser.all(".slot-edit")).isEmpty();
            browser.accessible().screenshot("rota-leader");

            String session = browser.driver().manage().getCookieNamed("hotline_session").getValue();
            var m = CSRF.matcher(browser.driver().getPageSource());
            assertThat(m.find()).isTrue();
            var refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.uri("/rota/shifts"))
                    .header("Cookie", "hotline_session=" + session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)
                            + "&week=2026-W52&leaderId=" + emil + "&start=2026-12-27T10:00&end=2026-12-27T12:00"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);
            browser.go("/rota?week=2026-W52");
            assertThat(shifts(day(browser, 6))).as("nothing added").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void everyStateOfThePageIsAccessibleAndPhotographed(int width) {
        try (var browser = coordinatorBrowser(width)) {
            browser.go("/rota?week=2027-W08").accessible().screenshot("rota-empty");
            browser.go("/rota?week=2026-W52").accessible().screenshot("rota-week");
            browser.submit(".slot-edit").accessible().screenshot("rota-edit");
            browser.go("/rota?week=2027-W08");
            addWithError(browser, "", "2027-02-23T18:00");
            assertThat(browser.text("#add-start-error")).endsWith("Skriv, hvornår vagten begynder.");
            browser.accessible().screenshot("rota-add-error");
            browser.go("/rota?week=2026-W52&lang=en").accessible().screenshot("rota-week-en");
            browser.go("/rota?lang=da");
            assertThat(browser.text("#week-heading")).as("this week").startsWith("Uge 49:");
        }
    }

    private static void addWithError(Browser browser, String start, String end) {
        new Select(browser.find("#add-leaderId")).selectByVisibleText("Maja Holm");
        set(browser, "#add-start", start);
        set(browser, "#add-end", end);
        browser.submit("form[action='/rota/shifts'] button");
    }

    private static Browser coordinatorBrowser(int width) {
        var browser = Browser.open(service.uri("").toString(), width);
        browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        return browser;
    }

    /** A date or time input set as its picker would set it (typing into one depends on the browser's locale). */
    private static void set(Browser browser, String css, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", browser.find(css), value);
    }

    /** Monday is 0. */
    private static WebElement day(Browser browser, int index) {
        return browser.all(".week > .day").get(index);
    }

    /** A day's shifts as they read: name, time and notes on one line. */
    private static List<String> shifts(WebElement day) {
        return day.findElements(By.cssSelector(".shift")).stream().map(RotaPageBrowserTest::line).toList();
    }

    /** A day's shifts and gaps, in order. */
    private static List<String> slots(WebElement day) {
        return day.findElements(By.cssSelector(".slot")).stream().map(RotaPageBrowserTest::line).toList();
    }

    /** What a slot says on one line: who, when, and its tag and note if it has them (not its change link). */
    private static String line(WebElement slot) {
        return String.join(" ", slot.findElements(By.cssSelector(".slot-who, .slot-time, .tag, .slot-note")).stream()
                .map(e -> e.getText().replace("⚠", "").trim()).toList());
    }

    private static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(java.time.ZoneId.of("Europe/Copenhagen")).toInstant();
    }
}
