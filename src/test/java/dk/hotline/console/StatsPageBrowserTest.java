package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Browser;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestConfig;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;

/**
 * Statistik / Stats in a real browser, over twelve weeks of calls, texts and reminders played
 * through the service (evenings on call and busier, nights missed, the autumn DST change inside):
 * what the default period shows, in both languages, checked with axe-core and photographed.
 */
class StatsPageBrowserTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    /** Monday of ISO week 37 of 2027, the first of the twelve full weeks before Wednesday 8 December. */
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2027, 9, 13);
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-09-12T08:00:00Z"));
    private static final String PASSWORD = "statistik-er-sjovt-42";
    private static HotlineFixture hotline;

    private record Event(Instant at, Runnable play) {}

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        var stage = new StatsStage(hotline, clock);
        var coordinator = hotline.coordinator();
        long group = Json.number(coordinator.group("Torsdagsgruppen", "Torsdagsholdet", stage.leader(),
                FIRST_MONDAY.plusDays(3).atTime(17, 0).atZone(ZONE).toOffsetDateTime().toString(), 12, 8), "id");
        for (int p = 0; p < 3; p++) {
            coordinator.participant(group, "Deltager " + p, "+45340001" + (10 + p), true, "da");
        }
        var sessions = coordinator.sessions(group);
        var categories = new ArrayList<Long>();
        for (String[] names : new String[][] {{"Første kontakt", "First contact"}, {"Vold i nære relationer", "Domestic violence"},
                {"Søvn og angst", "Sleep and anxiety"}, {"Spørger til grupper", "Asks about groups"}}) {
            var made = coordinator.post("/api/note-categories", "{\"nameDa\":\"" + names[0] + "\",\"nameEn\":\"" + names[1] + "\"}");
            categories.add(Json.id(made));
        }
        var noting = new Random(7);
        var random = new Random(49);
        var events = new ArrayList<Event>();
        for (int week = 0; week < 12; week++) {
            for (int day = 0; day < 7; day++) {
                LocalDate date = FIRST_MONDAY.plusWeeks(week).plusDays(day);
                boolean weekend = date.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) >= 0;
                // On call every evening 18:00–23:00 local, and busier towards the weekend.
                stage.onCall(at(date, 18, 0), at(date, 23, 0));
                int evening = 1 + random.nextInt(weekend ? 4 : 3);
                for (int c = 0; c < evening; c++) {
                    Instant arrival = at(date, 18 + random.nextInt(5), random.nextInt(50));
                    int seconds = 8 + random.nextInt(20 + week * 6);
                    events.add(new Event(arrival, () -> {
                        String call = stage.answered(arrival, seconds);
                        if (noting.nextInt(3) > 0) {
                            // Maja notes most calls she took, with one or two categories.
                            long first = categories.get(Math.min(noting.nextInt(5), 3));
                            long second = categories.get(noting.nextInt(4));
                            var note = coordinator.post("/api/notes", "{\"callSid\":\"" + call + "\",\"body\":\"Samtale om at sove bedre\","
                                    + "\"categoryIds\":[" + first + (second == first ? "" : "," + second) + "]}");
                            assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
                        }
                    }));
                }
                if (random.nextInt(3) == 0) {
                    Instant night = at(date, 23, 10 + random.nextInt(40));
                    events.add(new Event(night, () -> stage.missed(night)));
                }
                if (random.nextInt(2) == 0) {
                    Instant daytime = at(date, 10 + random.nextInt(6), random.nextInt(50));
                    events.add(new Event(daytime, () -> stage.menuOnly(daytime)));
                }
                for (int t = random.nextInt(weekend ? 3 : 2); t > 0; t--) {
                    Instant text = at(date, 12 + t, random.nextInt(50));
                    events.add(new Event(text, () -> stage.help(text)));
                }
            }
            if (week % 3 == 2) {
                // A participant joins every third week, before the next reminder.
                String name = "Ny deltager " + week;
                String phone = "+45340002" + (10 + week);
                Instant joins = at(FIRST_MONDAY.plusWeeks(week).plusDays(2), 9, 0);
                events.add(new Event(joins, () -> {
                    clock.set(joins);
                    coordinator.participant(group, name, phone, true, "da");
                }));
            }
            long session = sessions.get(week);
            Instant due = at(FIRST_MONDAY.plusWeeks(week).plusDays(2), 17, 0);
            events.add(new Event(due, () -> stage.reminder(session, Duration.ofHours(24), due)));
        }
        events.sort(Comparator.comparing(Event::at));
        events.forEach(e -> e.play().run());
        clock.set(Instant.parse("2027-12-08T10:00:00Z"));
        long leader = coordinator.leader("Otto Brun", "+4520881190");
        hotline.service().api("POST", "/api/accounts", hotline.service().bearer(), "{\"email\":\"otto@example.org\",\"password\":\""
                + PASSWORD + "\",\"role\":\"leader\",\"leaderId\":" + leader + "}");
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    private static Browser signedIn(int width) {
        var browser = Browser.open(hotline.service().uri("").toString(), width);
        browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
        return browser;
    }

    @Test
    void theLastTwelveWeeksInPicturesAndTables() {
        try (var browser = signedIn(1280)) {
            browser.go("/stats");

            assertThat(browser.text("h1")).isEqualTo("Statistik");
            assertThat(browser.find("nav.menu a[aria-current='page']").getText()).isEqualTo("Statistik");
            assertThat(browser.text(".stats-period")).startsWith("Uge 37 til og med uge 48: 13. sep. 2027 – 5. dec. 2027");
            assertThat(browser.all("main h2").stream().map(WebElement::getText).toList()).containsExactly(
                    "Opkald pr. time på ugens dage", "Besvarede opkald og ventetid pr. uge", "Sms'er ind og ud pr. uge",
                    "Påmindelser sendt pr. uge", "Noter efter kategori");
            assertThat(browser.all("svg[role='img']")).hasSize(5);
            assertThat(browser.all("#note-categories tbody tr")).as("every category, in the coordinators' order").hasSize(4);
            assertThat(browser.all("#calls-by-hour svg rect title")).as("a tooltip in each of the 7 × 24 cells").hasSize(168);
            assertThat(browser.all("#answers tbody tr")).hasSize(12);
            assertThat(browser.all("#reminders tbody td").stream().map(WebElement::getText).toList())
                    .as("each participant reminded every week, one more joining every third week")
                    .containsExactly("3", "3", "4", "4", "4", "5", "5", "5", "6", "6", "6", "7");

            browser.go("/stats?lang=en");
            assertThat(browser.text("h1")).isEqualTo("Stats");
            assertThat(browser.all("main h2").stream().map(WebElement::getText).toList()).containsExactly(
                    "Calls by hour of the week", "Calls answered and time to answer per week", "Texts in and out per week",
                    "Reminders sent per week", "Notes by category");
            assertThat(browser.find("#answers svg title").getAttribute("textContent")).isEqualTo("Calls answered and time to answer per week");
            browser.go("/stats?lang=da");
        }
    }

    @Test
    void aLeaderAccountHasNoStats() {
        try (var browser = Browser.open(hotline.service().uri("").toString(), 1280)) {
            browser.signIn("otto@example.org", PASSWORD);

            assertThat(browser.all("nav.menu a").stream().map(WebElement::getText).toList()).doesNotContain("Statistik");
            browser.go("/stats");
            assertThat(browser.text("h1")).isEqualTo("Det har du ikke adgang til");
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void everyStateIsAccessibleAndPhotographed(int width) {
        try (var browser = signedIn(width)) {
            browser.go("/stats").accessible().screenshot("stats");
            browser.go("/stats?from=2028-W01&to=2028-W02").accessible().screenshot("stats-empty");
            browser.go("/stats?from=2027-W48&to=2027-W40").accessible().screenshot("stats-error");
        }
    }
}
