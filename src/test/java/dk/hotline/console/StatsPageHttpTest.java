package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.PageSession;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statistik / Stats and {@code GET /api/stats}'s hours and weeks, from calls, texts and reminders
 * played at known instants around both DST changes of 2027 in Copenhagen: on 28 March 02:00 CET
 * becomes 03:00 CEST (01:00Z), on 31 October 03:00 CEST becomes 02:00 CET (01:00Z), so that
 * night's 02:00–03:00 happens twice.
 */
class StatsPageHttpTest {
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-03-22T08:00:00Z"));
    /** ISO weeks 43 to 45 of 2027: Monday 25 October to Sunday 14 November, local. */
    private static final String PERIOD = "from=2027-W43&to=2027-W45";
    private static HotlineFixture hotline;
    private static TestService service;
    private static PageSession page;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        service = hotline.service();
        var stage = new StatsStage(hotline, clock);

        // Spring: 00:30Z is 01:30 CET, 01:30Z is 03:30 CEST; nothing can arrive at 02:xx local.
        stage.menuOnly(Instant.parse("2027-03-28T00:30:00Z"));
        stage.menuOnly(Instant.parse("2027-03-28T01:30:00Z"));

        clock.set(Instant.parse("2027-10-25T08:00:00Z"));
        stage.onCall(Instant.parse("2027-10-29T06:00:00Z"), Instant.parse("2027-10-29T07:00:00Z"));
        stage.onCall(Instant.parse("2027-10-31T00:00:00Z"), Instant.parse("2027-10-31T02:00:00Z"));
        stage.onCall(Instant.parse("2027-11-01T07:00:00Z"), Instant.parse("2027-11-01T08:00:00Z"));
        // Sessions on Thursdays at 17:00: the 24-hour reminder of 4 November is due on Wednesday 3rd at 17:00 CET.
        long group = hotline.coordinator().group("Torsdagsgruppen", "Torsdagsholdet", stage.leader(), "2027-11-04T17:00:00+01:00", 1);
        hotline.coordinator().participant(group, "Ida", "+4534000091", true, "da");
        hotline.coordinator().participant(group, "Ole", "+4534000092", true, "da");

        // Week 43 (CEST until Sunday 01:00Z).
        stage.menuOnly(Instant.parse("2027-10-28T10:00:00Z"));              // Thursday 12:xx
        stage.help(Instant.parse("2027-10-28T11:00:00Z"));
        String friday = stage.answered(Instant.parse("2027-10-29T06:15:00Z"), 20); // Friday 08:xx
        stage.missed(Instant.parse("2027-10-30T12:00:00Z"));                // Saturday 14:xx
        stage.answered(Instant.parse("2027-10-31T00:30:00Z"), 40);          // Sunday 02:30 CEST
        stage.answered(Instant.parse("2027-10-31T01:30:00Z"), 60);          // Sunday 02:30 CET
        // Week 44 (CET): Sunday 23:30Z is Monday 00:30 local.
        stage.missed(Instant.parse("2027-10-31T23:30:00Z"));                // Monday 00:xx
        String monday = stage.answered(Instant.parse("2027-11-01T07:15:00Z"), 10); // Monday 08:xx
        stage.help(Instant.parse("2027-11-02T11:00:00Z"));
        stage.help(Instant.parse("2027-11-02T11:05:00Z"));
        stage.reminder(hotline.coordinator().sessions(group).get(0), Duration.ofHours(24), Instant.parse("2027-11-03T16:00:00Z"));

        // Notes, written on Wednesday 3 November (week 44) whichever call they are about: counted by when written.
        long worry = category("Bekymring", "Worry");
        long practical = category("Praktisk hjælp", "Practical help");
        long first = category("Første opkald", "First call");
        note(friday, worry, practical);
        note(monday, worry);
        var off = service.api("PATCH", "/api/note-categories/" + practical, service.bearer(), "{\"active\":false}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(first).isPositive();

        clock.set(Instant.parse("2027-12-08T09:00:00Z"));
        page = PageSession.signIn(service, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
    }

    private static long category(String da, String en) {
        var made = hotline.coordinator().post("/api/note-categories", "{\"nameDa\":\"" + da + "\",\"nameEn\":\"" + en + "\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return Json.id(made);
    }

    private static void note(String callSid, long... categories) {
        var ids = java.util.Arrays.stream(categories).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        var made = hotline.coordinator().post("/api/notes", "{\"callSid\":\"" + callSid + "\",\"body\":\"Talte om at sove bedre\","
                + "\"categoryIds\":[" + ids + "]}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void theApiCountsEachCallInItsLocalHourAcrossTheAutumnChange() {
        var stats = Json.parse(hotline.coordinator().get("/api/stats?from=2027-10-25T00:00:00%2B02:00&to=2027-11-15T00:00:00%2B01:00"));

        long[][] expected = new long[7][24];
        expected[0][0] = 1;  // Monday 00:30 CET (Sunday 23:30Z)
        expected[0][8] = 1;  // Monday 08:15 CET
        expected[3][12] = 1; // Thursday 12:00 CEST
        expected[4][8] = 1;  // Friday 08:15 CEST
        expected[5][14] = 1; // Saturday 14:00 CEST
        expected[6][2] = 2;  // Sunday 02:30, once in summer and once in winter time
        assertThat(hours(stats)).isDeepEqualTo(expected);
    }

    @Test
    void theApiHasNoCallInTheHourSpringSkips() {
        var stats = Json.parse(hotline.coordinator().get("/api/stats?from=2027-03-22T00:00:00%2B01:00&to=2027-03-29T00:00:00%2B02:00"));

        long[] sunday = hours(stats)[6];
        assertThat(sunday[1]).isEqualTo(1);
        assertThat(sunday[2]).isZero();
        assertThat(sunday[3]).isEqualTo(1);
        assertThat(Json.elements(Json.field(stats, "weeks"))).extracting(w -> w.get("week").asText()).containsExactly("2027-W12");
    }

    @Test
    void theApiCountsEachLocalWeek() {
        var weeks = Json.elements(Json.field(Json.parse(hotline.coordinator().get(
                "/api/stats?from=2027-10-25T00:00:00%2B02:00&to=2027-11-15T00:00:00%2B01:00")), "weeks"));

        assertThat(weeks).extracting(w -> w.get("week").asText()).containsExactly("2027-W43", "2027-W44", "2027-W45");
        var w43 = weeks.get(0);
        assertThat(Json.number(Json.field(w43, "calls"), "offered")).isEqualTo(5);
        assertThat(Json.number(Json.field(w43, "calls"), "answered")).isEqualTo(3);
        assertThat(Json.number(Json.field(w43, "calls"), "missed")).isEqualTo(1);
        assertThat(Json.field(Json.field(w43, "calls"), "medianAnswerSeconds").asDouble()).as("of 20, 40 and 60").isEqualTo(40.0);
        assertThat(Json.field(w43, "answerRate").asDouble()).as("3 of 4: the menu-only call counts neither way").isEqualTo(0.75);
        assertThat(Json.number(Json.field(w43, "texts"), "in")).isEqualTo(1);
        assertThat(Json.number(Json.field(w43, "texts"), "out")).isEqualTo(1);
        var w44 = weeks.get(1);
        assertThat(Json.number(Json.field(w44, "calls"), "offered")).as("the call at Sunday 23:30Z is Monday's").isEqualTo(2);
        assertThat(Json.field(w44, "answerRate").asDouble()).isEqualTo(0.5);
        assertThat(Json.field(Json.field(w44, "calls"), "medianAnswerSeconds").asDouble()).isEqualTo(10.0);
        assertThat(Json.number(Json.field(w44, "texts"), "in")).isEqualTo(2);
        assertThat(Json.number(Json.field(w44, "texts"), "out")).as("two answers to HJÆLP, two reminders").isEqualTo(4);
        assertThat(Json.number(w44, "remindersSent")).isEqualTo(2);
        var w45 = weeks.get(2);
        assertThat(Json.number(Json.field(w45, "calls"), "offered")).isZero();
        assertThat(Json.field(w45, "answerRate").isNull()).isTrue();
        assertThat(Json.field(Json.field(w45, "calls"), "medianAnswerSeconds").isNull()).isTrue();
    }

    @Test
    void thePageDrawsEachCallInItsHourCellAndTablesTheSameNumbers() {
        String html = ok(page.get("/stats?" + PERIOD)).body();

        String heatmap = section(html, "calls-by-hour");
        assertThat(titles(heatmap)).contains("søndag kl. 02–03: 2 opkald", "mandag kl. 00–01: 1 opkald",
                "fredag kl. 08–09: 1 opkald", "lørdag kl. 14–15: 1 opkald", "søndag kl. 01–02: 0 opkald");
        var table = table(heatmap);
        assertThat(table.get(0)).hasSize(26).startsWith("Dag", "00", "01").endsWith("23", "I alt");
        assertThat(table.get(7)).as("Sunday").startsWith("søndag", "0", "0", "2", "0").endsWith("2");
        assertThat(table.get(1)).as("Monday").startsWith("mandag", "1").endsWith("2");

        assertThat(table(section(html, "answers"))).containsExactly(
                List.of("Uge", "Opkald", "Besvaret", "Mistet", "Besvaret (%)", "Median ventetid (sek.)"),
                List.of("2027-W43", "5", "3", "1", "75", "40"),
                List.of("2027-W44", "2", "1", "1", "50", "10"),
                List.of("2027-W45", "0", "0", "0", "–", "–"));
        assertThat(table(section(html, "texts"))).containsExactly(List.of("Uge", "Modtaget", "Sendt"),
                List.of("2027-W43", "1", "1"), List.of("2027-W44", "2", "4"), List.of("2027-W45", "0", "0"));
        assertThat(table(section(html, "reminders"))).containsExactly(List.of("Uge", "Påmindelser sendt"),
                List.of("2027-W43", "0"), List.of("2027-W44", "2"), List.of("2027-W45", "0"));
    }

    @Test
    void eachCsvHoldsItsTableCellForCell() {
        String html = ok(page.get("/stats?" + PERIOD)).body();

        for (String id : List.of("calls-by-hour", "answers", "texts", "reminders", "note-categories")) {
            String section = section(html, id);
            String href = attribute(section, "a", "href").replace("&amp;", "&");
            assertThat(href).isEqualTo("/stats/" + id + ".csv?" + PERIOD);
            var csv = ok(page.get(href));
            assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
            assertThat(csv.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"hotline-" + id + "-2027-W43-2027-W45.csv\"");
            assertThat(csv(csv.body())).as(id).isEqualTo(table(section));
        }
    }

    @Test
    void theCsvSeparatesWithSemicolonsForDanishExcelAndCommasInEnglish() {
        page.get("/stats?lang=da");
        String danish = ok(page.get("/stats/answers.csv?" + PERIOD)).body();
        String english = ok(page.get("/stats/answers.csv?" + PERIOD + "&lang=en")).body();
        page.get("/stats?lang=da");

        assertThat(danish.lines().toList().get(1)).startsWith("2027-W43;5;3;1;75;40");
        assertThat(english.lines().toList().get(1)).startsWith("2027-W43,5,3,1,75,40");
    }

    @Test
    void notesAreCountedByCategoryInTheCoordinatorsOrder() {
        String section = section(ok(page.get("/stats?" + PERIOD)).body(), "note-categories");

        assertThat(table(section)).containsExactly(
                List.of("Kategori", "Noter"),
                List.of("Bekymring", "2"),
                List.of("Praktisk hjælp (slået fra)", "1"),
                List.of("Første opkald", "0"));
        assertThat(section).contains("<svg").contains("2 noter i perioden fordelt på 3 kategorier.");
        String week43 = section(ok(page.get("/stats?from=2027-W43&to=2027-W43")).body(), "note-categories");
        assertThat(text(week43)).contains("Der blev ikke skrevet nogen noter med en kategori i perioden.");
    }

    @Test
    void aPeriodWithoutCallsSaysSo() {
        String html = ok(page.get("/stats?from=2027-W46&to=2027-W47")).body();

        String heatmap = section(html, "calls-by-hour");
        assertThat(text(heatmap)).contains("Der kom ingen opkald i perioden.");
        assertThat(heatmap).doesNotContain("<svg").doesNotContain("<table");
        assertThat(text(section(html, "reminders"))).contains("Der blev ikke sendt nogen påmindelser i perioden.");
    }

    @Test
    void withoutAPeriodItIsTheLastTwelveFullWeeks() {
        String html = ok(page.get("/stats")).body();

        assertThat(attribute(html, "input id=\"from\"", "value")).as("12 weeks before this week, 49").isEqualTo("2027-W37");
        assertThat(attribute(html, "input id=\"to\"", "value")).isEqualTo("2027-W48");
        assertThat(table(section(html, "texts"))).hasSize(13);
    }

    @Test
    void aBadWeekIsSaidBesideItsField() {
        var answer = page.get("/stats?from=2027-W45&to=2027-W43");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(text(answer.body())).contains("Den må ikke ligge før fra-ugen");
        assertThat(page.get("/stats?from=uge%2040").statusCode()).isEqualTo(400);
        assertThat(page.get("/stats?from=2026-W40&to=2027-W45").statusCode()).as("58 weeks").isEqualTo(400);
        assertThat(page.get("/stats/answers.csv?from=2027-W45&to=2027-W43").statusCode()).isEqualTo(400);
        assertThat(page.get("/stats/nothing.csv?" + PERIOD).statusCode()).isEqualTo(404);
    }

    @Test
    void englishHasItsOwnWords() {
        String html = ok(page.get("/stats?lang=en&" + PERIOD)).body();

        assertThat(html).contains("<h1>Stats</h1>").contains(">Calls by hour of the week</h2>");
        assertThat(titles(section(html, "calls-by-hour"))).contains("Sunday 02–03: 2 calls");
        assertThat(csv(ok(page.get("/stats/answers.csv?" + PERIOD)).body(), ',').get(0)).as("the remembered language")
                .startsWith("Week", "Calls", "Answered");
        page.get("/stats?lang=da");
    }

    private static java.net.http.HttpResponse<String> ok(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static long[][] hours(com.fasterxml.jackson.databind.JsonNode stats) {
        var days = Json.elements(Json.field(stats, "callsByHourOfWeek"));
        assertThat(days).hasSize(7);
        long[][] hours = new long[7][];
        for (int d = 0; d < 7; d++) {
            hours[d] = Json.elements(days.get(d)).stream().mapToLong(com.fasterxml.jackson.databind.JsonNode::asLong).toArray();
        }
        return hours;
    }

    /** The markup of {@code <section id="…">}. */
    private static String section(String html, String id) {
        int start = html.indexOf("<section class=\"stats-section\" id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static List<String> titles(String markup) {
        var titles = new ArrayList<String>();
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(markup);
        while (m.find()) {
            titles.add(unescape(m.group(1)));
        }
        return titles;
    }

    /** The table's rows, each its cells' text, the header row first. */
    private static List<List<String>> table(String markup) {
        int start = markup.indexOf("<table");
        String table = markup.substring(start, markup.indexOf("</table>", start));
        var rows = new ArrayList<List<String>>();
        Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            var cells = new ArrayList<String>();
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(unescape(cell.group(1).trim()));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** RFC 4180 as the Danish page writes it (after the byte order mark, semicolons between cells): quoted cells may hold commas and quotes. */
    private static List<List<String>> csv(String body) {
        return csv(body, ';');
    }

    private static List<List<String>> csv(String body, char separator) {
        assertThat(body).startsWith("\uFEFF").endsWith("\r\n");
        var rows = new ArrayList<List<String>>();
        for (String line : body.substring(1).split("\r\n")) {
            var cells = new ArrayList<String>();
            Matcher m = Pattern.compile("\"((?:[^\"]|\"\")*)\"|([^" + separator + "]*)").matcher(line);
            int at = 0;
            while (at <= line.length() && m.find(at)) {
                cells.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
                at = m.end() + 1;
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String attribute(String markup, String element, String name) {
        int start = markup.indexOf("<" + element);
        assertThat(start).as(element).isNotNegative();
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(markup.substring(start, markup.indexOf('>', start)));
        assertThat(m.find()).as(name + " of " + element).isTrue();
        return m.group(1);
    }

    private static String text(String markup) {
        return unescape(markup.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
