package dk.hotline.console;

import dk.hotline.web.Messages;
import gg.jte.Content;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

/**
 * Calls by the local hour of the week they arrived in, as a heatmap: Monday to Sunday down, the 24
 * hours across, darker for more calls, and each cell's number written in it (so colour is never
 * the only way to read it), with a legend of the shades.
 */
final class CallsByHourSection implements StatsSection {
    /** From few to most; text on the first three is dark, on the last two white (both at least 4.5:1). */
    private static final String[] SHADES = {"#dbe8f5", "#a9c6e8", "#6b9bd1", "#2f67a8", "#1d3f6e"};
    private static final String INK = "#1b1b1b";
    private static final String EDGE = "#767676";
    private static final double LEFT = 96;
    private static final double TOP = 30;
    private static final double CELL_W = 34;
    private static final double CELL_H = 30;

    @Override
    public String id() {
        return "calls-by-hour";
    }

    @Override
    public String titleKey() {
        return "stats.hours.title";
    }

    @Override
    public String noteKey() {
        return "stats.hours.note";
    }

    @Override
    public String emptyKey() {
        return "stats.hours.empty";
    }

    @Override
    public boolean isEmpty(StatsFigures figures) {
        return figures.calls() == 0;
    }

    @Override
    public StatsTable table(StatsFigures figures, Messages t) {
        var header = new ArrayList<String>();
        header.add(t.get("stats.hours.day"));
        for (int hour = 0; hour < 24; hour++) {
            header.add(String.format(Locale.ROOT, "%02d", hour));
        }
        header.add(t.get("stats.total"));
        var rows = new ArrayList<List<String>>();
        for (int day = 0; day < 7; day++) {
            var row = new ArrayList<String>();
            row.add(dayName(day, TextStyle.FULL, t));
            for (long calls : figures.callsByHourOfWeek()[day]) {
                row.add(StatsFormat.count(calls, t));
            }
            row.add(StatsFormat.count(LongStream.of(figures.callsByHourOfWeek()[day]).sum(), t));
            rows.add(row);
        }
        return new StatsTable(t.get("stats.hours.caption"), header, rows);
    }

    @Override
    public Content chart(StatsFigures figures, Messages t) {
        long[][] counts = figures.callsByHourOfWeek();
        long max = 0;
        int busiestDay = 0;
        int busiestHour = 0;
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                if (counts[day][hour] > max) {
                    max = counts[day][hour];
                    busiestDay = day;
                    busiestHour = hour;
                }
            }
        }
        var svg = new SvgChart(id(), (int) (LEFT + 24 * CELL_W + 10), (int) (TOP + 7 * CELL_H + 70), t.get("stats.hours.title"),
                t.get("stats.hours.desc", figures.calls(), dayName(busiestDay, TextStyle.FULL, t), hours(busiestHour), max));
        for (int hour = 0; hour < 24; hour += 1) {
            svg.text(LEFT + hour * CELL_W + CELL_W / 2, TOP - 10, String.format(Locale.ROOT, "%02d", hour), "middle", INK, 14, false);
        }
        for (int day = 0; day < 7; day++) {
            double y = TOP + day * CELL_H;
            svg.text(LEFT - 10, y + CELL_H / 2 + 5, dayName(day, TextStyle.SHORT, t), "end", INK, 15, false);
            for (int hour = 0; hour < 24; hour++) {
                long n = counts[day][hour];
                int level = level(n, max);
                double x = LEFT + hour * CELL_W;
                svg.rect(x, y, CELL_W, CELL_H, level == 0 ? "#ffffff" : SHADES[level - 1], EDGE,
                        t.get("stats.hours.cell", dayName(day, TextStyle.FULL, t), hours(hour), n));
                if (n > 0) {
                    svg.text(x + CELL_W / 2, y + CELL_H / 2 + 5, StatsFormat.count(n, t), "middle", level > 3 ? "#ffffff" : INK, 14,
                            level > 3);
                }
            }
        }
        legend(svg, max, t);
        return svg.build();
    }

    /** The shades with the numbers each stands for: 0, then five equal parts of the most in one hour (those with a number). */
    private static void legend(SvgChart svg, long max, Messages t) {
        double y = TOP + 7 * CELL_H + 30;
        svg.text(LEFT - 10, y + 14, t.get("stats.hours.legend"), "end", INK, 14, false);
        double x = LEFT;
        svg.rect(x, y, 30, 20, "#ffffff", EDGE, null);
        svg.text(x + 36, y + 15, "0", "start", INK, 14, false);
        x += 70;
        for (int level = 1; level <= 5; level++) {
            long low = (level - 1) * max / 5 + 1;
            long high = level * max / 5;
            if (low > high) {
                continue;
            }
            svg.rect(x, y, 30, 20, SHADES[level - 1], EDGE, null);
            String range = low == high ? Long.toString(low) : low + "–" + high;
            svg.text(x + 36, y + 15, range, "start", INK, 14, false);
            x += 52 + range.length() * 9;
        }
    }

    /** 0 for none, else 1 to 5 by the share of the most in one hour. */
    static int level(long calls, long max) {
        return calls == 0 ? 0 : (int) Math.max(1, Math.min(5, (calls * 5 + max - 1) / max));
    }

    private static String hours(int hour) {
        return String.format(Locale.ROOT, "%02d–%02d", hour, (hour + 1) % 24);
    }

    private static String dayName(int day, TextStyle style, Messages t) {
        return DayOfWeek.of(day + 1).getDisplayName(style, t.language().locale());
    }
}
