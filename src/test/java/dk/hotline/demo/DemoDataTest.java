package dk.hotline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.Browser;
import dk.hotline.testing.Json;
import dk.hotline.testing.PageSession;
import dk.hotline.testing.TestService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --demo} on an empty database: what a coordinator finds in the console. (Starts on a demo
 * database again, and on one with real data, are {@link DemoRestartTest}'s: one service per class,
 * as Quartz keeps one scheduler per JVM by name.)
 */
class DemoDataTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    private static final Pattern COORDINATOR_PASSWORD =
            Pattern.compile("demo@hotline\\.local</code>.*?<code>([^<]+)</code>", Pattern.DOTALL);
    private static TestService demo;
    private static String bearer;

    @BeforeAll
    static void seed() {
        demo = TestService.start("http://localhost:1", DemoDataTest::demoMode, Clock.systemUTC());
        bearer = demo.bearer();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** Demo mode runs in dry-run only: no Twilio credentials. */
    static Map<String, String> demoMode(Map<String, String> env) {
        env.remove("TWILIO_ACCOUNT_SID");
        env.remove("TWILIO_AUTH_TOKEN");
        env.put("HOTLINE_DEMO", "true");
        return env;
    }

    @Test
    void leadersSpeakDanishAndEnglishOnMadeUpNumbersAndOneIsOff() {
        var leaders = Json.elements(demo.api("GET", "/api/leaders", bearer, null).body());
        assertThat(leaders).hasSizeBetween(6, 8);
        assertThat(leaders).anySatisfy(l -> assertThat(Json.texts(l, "languages")).contains("da"));
        assertThat(leaders).anySatisfy(l -> assertThat(Json.texts(l, "languages")).contains("en"));
        assertThat(leaders.stream().filter(l -> !Json.bool(l, "available")).count()).isEqualTo(1);
        for (int n = 0; n <= 99; n++) {
            // Read as a Danish number by the one door numbers come in through.
            assertThat(PhoneNumber.parse(DemoNumbers.text(n)).e164()).isEqualTo(String.format("+45200000%02d", n));
        }
    }

    @Test
    void theRotaHasSomeoneOnCallNowAndOneGapInTheComingDays() {
        Instant now = Instant.now();
        var gaps = Json.elements(demo.api("GET", "/api/rota/gaps?" + window(now, now.plus(Duration.ofDays(7))), bearer, null).body());
        assertThat(gaps).hasSize(1);
        assertThat(Json.text(gaps.get(0), "start")).contains("T11:00");
        assertThat(Json.text(gaps.get(0), "end")).contains("T15:00");
        var week = Json.elements(demo.api("GET", "/api/shifts?" + window(now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(21))),
                bearer, null).body());
        assertThat(week).hasSizeGreaterThan(100);

        var today = coordinator().get("/");
        assertThat(today.statusCode()).isEqualTo(200);
        String onCall = today.body().replaceAll("(?s).*<h2 id=\"oncall\">[^<]*</h2>\\s*<p class=\"big\">([^<]*)</p>.*", "$1");
        assertThat(onCall).as("names on call now").matches("[A-ZÆØÅa-zæøå, ]+");
    }

    @Test
    void twoGroupsHaveParticipantsAndUpcomingSessionsWithRemindersScheduled() {
        var groups = Json.elements(demo.api("GET", "/api/groups", bearer, null).body());
        assertThat(groups).extracting(g -> Json.text(g, "name")).containsExactlyInAnyOrder("Onsdagsholdet", "Torsdagsholdet");
        for (var group : groups) {
            assertThat(Json.number(group, "participants")).isBetween(5L, 8L);
        }
        List<Long> upcoming = demo.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM group_sessions WHERE starts_at > now() + interval '2 days' ORDER BY starts_at").mapTo(Long.class).list());
        assertThat(upcoming).hasSizeGreaterThanOrEqualTo(8);
        assertThat(demo.reminderScheduledAt(upcoming.get(0), Duration.ofHours(24))).isPresent();
        long english = demo.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM group_participants WHERE language = 'en'")
                .mapTo(Long.class).one());
        assertThat(english).isPositive();
    }

    @Test
    void theLastThirtyDaysHaveCallsTextsAndReminders() {
        Instant now = Instant.now();
        var stats = Json.parse(demo.api("GET", "/api/stats?" + window(now.minus(Duration.ofDays(30)), now), bearer, null));
        var calls = Json.field(stats, "calls");
        assertThat(Json.number(calls, "offered")).isGreaterThan(60);
        assertThat(Json.number(calls, "answered")).isGreaterThan(30);
        assertThat(Json.number(calls, "missed")).isGreaterThan(3);
        assertThat(Json.number(Json.field(stats, "texts"), "in")).isGreaterThan(20);
        assertThat(Json.number(Json.field(stats, "texts"), "out")).isGreaterThan(20);
        assertThat(Json.number(stats, "remindersSent")).isGreaterThan(20);
        assertThat(words(coordinator().get("/stats").body())).contains("Demodata: intet her er rigtigt");
    }

    @Test
    void todayShowsCallbacksMissedCallsAndWaitingConversations() {
        String today = coordinator().get("/").body();
        assertThat(section(today, "callbacks")).contains("<li");
        assertThat(section(today, "unanswered")).contains("<li");
        assertThat(section(today, "missed")).contains("<li");
        assertThat(coordinator().get("/callbacks").body()).contains("#");
        assertThat(today).doesNotContain("+45 20 00 00").doesNotContain("+45200000");
    }

    @Test
    void everyPageCarriesTheBannerAndTheSignInPageNamesTheDemoAccounts() {
        var session = coordinator();
        for (String path : List.of("/", "/rota", "/groups", "/callbacks", "/stats", "/leaders")) {
            assertThat(words(session.get(path).body())).as(path).contains("Demodata: intet her er rigtigt");
        }
        assertThat(words(session.get("/?lang=en").body())).contains("Demo data: nothing here is real");
        String login = demo.get("/login").body();
        assertThat(words(login)).contains("Demodata: intet her er rigtigt").contains("demo@hotline.local")
                .contains("mette@hotline.local");
        String leaderPassword = login.replaceAll("(?s).*mette@hotline\\.local</code>.*?<code>([^<]+)</code>.*", "$1");
        assertThat(words(PageSession.signIn(demo, "mette@hotline.local", leaderPassword).get("/").body()))
                .contains("Demodata: intet her er rigtigt");
    }

    private static PageSession coordinator() {
        var matcher = COORDINATOR_PASSWORD.matcher(demo.get("/login").body());
        assertThat(matcher.find()).as("the sign-in page shows the demo coordinator's password").isTrue();
        return PageSession.signIn(demo, "demo@hotline.local", matcher.group(1));
    }

    /** A page's text as a reader reads it: without its tags. */
    static String words(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
    }

    /** The part of Today under the heading with this id. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("Today has a section " + id).isPositive();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    private static String window(Instant from, Instant to) {
        return "from=" + enc(from) + "&to=" + enc(to);
    }

    private static String enc(Instant at) {
        return URLEncoder.encode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(ZONE)), StandardCharsets.UTF_8);
    }

    /**
     * As a new user meets it: the sign-in page names the demo accounts, every page after says it is
     * demo data, and Today and the simulator have something on them; at a laptop's and a phone's
     * width, checked with axe-core and photographed.
     */
    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void aNewUserSignsInWithWhatTheSignInPageSaysAndEveryPageSaysItIsDemoData(int width) {
        try (var browser = Browser.open(demo.uri("").toString(), width)) {
            browser.go("/login").accessible().screenshot("demo-login");
            var password = COORDINATOR_PASSWORD.matcher(browser.driver().getPageSource());
            assertThat(password.find()).as("the sign-in page shows the demo coordinator's password").isTrue();
            browser.signIn("demo@hotline.local", password.group(1));
            for (String page : List.of("/", "/rota", "/stats", "/simulator")) {
                browser.go(page);
                assertThat(browser.text(".demo-banner")).as(page).startsWith("Demodata");
            }
            browser.go("/").accessible().screenshot("demo-today");
            String onCall = browser.text("section[aria-labelledby='oncall']");
            assertThat(DemoPeople.LEADERS).as("someone is on call now: " + onCall).anyMatch(l -> onCall.contains(l.name()));
            browser.go("/simulator");
            dk.hotline.testing.Await.until("the leaders' phones are drawn", dk.hotline.testing.Await.SOON,
                    () -> browser.all("#leader-phones article").size() == 7);
            browser.accessible().screenshot("demo-simulator");
        }
    }
}
