package dk.hotline.console;

import gg.jte.Content;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.stream.Stream;

/**
 * A chart of weeks along the bottom: grouped bars on the left axis (each series its own colour,
 * the second one striped too), and optionally a dashed line with round points on a right axis.
 * A week without a value (null) has no bar or point.
 */
final class WeeklyChart {
    /** Mid blue: at least 3:1 against the white ground and against the black line drawn over it. */
    static final String FIRST = "#4a7bbf";
    static final String SECOND = "#8a4b00";
    static final String LINE = "#1b1b1b";
    private static final String INK = "#1b1b1b";
    private static final String GRID = "#b1b4b6";
    private static final int HEIGHT = 330;
    private static final double TOP = 56;
    private static final double BOTTOM = 280;
    private static final double LEFT = 70;

    private record Bars(String name, boolean hatched, List<Double> values, DoubleFunction<String> format) {}

    private record Line(String name, List<Double> values, DoubleFunction<String> format, String axisTitle) {}

    private final String id;
    private final int width;
    private final String title;
    private final String desc;
    private final List<String> weeks;
    private final List<Bars> bars = new ArrayList<>();
    private Optional<Line> line = Optional.empty();
    private Double leftMax;
    private DoubleFunction<String> leftTicks = v -> Long.toString(Math.round(v));
    private String leftTitle = "";

    /**
     * {@code weeks}: the label of each week along the bottom, in order; {@code width}: of the drawing,
     * narrower for a chart that shares its row with a table, so its text stays as large on the page.
     */
    WeeklyChart(String id, int width, String title, String desc, List<String> weeks) {
        this.id = id;
        this.width = width;
        this.title = title;
        this.desc = desc;
        this.weeks = weeks;
    }

    /** The left axis: its title, a fixed top (null: a round number above the tallest bar), how ticks read. */
    WeeklyChart leftAxis(String axisTitle, Double max, DoubleFunction<String> ticks) {
        this.leftTitle = axisTitle;
        this.leftMax = max;
        this.leftTicks = ticks;
        return this;
    }

    /** A series of bars, one a week; {@code format} writes a value in its tooltip. At most two. */
    WeeklyChart bars(String name, List<Double> values, DoubleFunction<String> format) {
        bars.add(new Bars(name, !bars.isEmpty(), values, format));
        return this;
    }

    /** The line on the right axis, one point a week. */
    WeeklyChart line(String name, String axisTitle, List<Double> values, DoubleFunction<String> format) {
        line = Optional.of(new Line(name, values, format, axisTitle));
        return this;
    }

    Content build() {
        var svg = new SvgChart(id, width, HEIGHT, title, desc);
        double right = width - (line.isPresent() ? 70 : 16);
        double top = leftMax != null ? leftMax : niceMax(bars.stream().flatMap(b -> b.values().stream()));
        axis(svg, top, LEFT, right, leftTicks, true);
        svg.text(0, TOP - 16, leftTitle, "start", INK, 15, false);
        double slot = (right - LEFT) / weeks.size();
        double groupWidth = slot * 0.7;
        double barWidth = groupWidth / Math.max(1, bars.size());
        String hatch = bars.size() > 1 ? svg.hatch("hatch", SECOND) : FIRST;
        int every = weeks.size() > 26 ? 4 : weeks.size() > 13 ? 2 : 1;
        for (int w = 0; w < weeks.size(); w++) {
            double x0 = LEFT + slot * w + (slot - groupWidth) / 2;
            for (int b = 0; b < bars.size(); b++) {
                var series = bars.get(b);
                Double value = series.values().get(w);
                if (value == null) {
                    continue;
                }
                String fill = series.hatched() ? hatch : FIRST;
                double h = (BOTTOM - TOP) * value / top;
                svg.rect(x0 + barWidth * b, BOTTOM - h, barWidth, Math.max(h, value > 0 ? 1 : 0), fill, INK,
                        weeks.get(w) + ": " + series.name() + " " + series.format().apply(value));
            }
            if (w % every == 0) {
                svg.text(LEFT + slot * w + slot / 2, BOTTOM + 22, weeks.get(w), "middle", INK, 15, false);
            }
        }
        line.ifPresent(l -> drawLine(svg, l, right, slot));
        legend(svg, hatch);
        return svg.build();
    }

    private void drawLine(SvgChart svg, Line l, double right, double slot) {
        double top = niceMax(l.values().stream());
        axis(svg, top, right, right, l.format(), false);
        svg.text(width, TOP - 16, l.axisTitle(), "end", INK, 15, false);
        var run = new ArrayList<double[]>();
        for (int w = 0; w < weeks.size(); w++) {
            Double value = l.values().get(w);
            if (value == null) {
                // A week with no answer breaks the line rather than drawing through zero.
                flush(svg, run);
                continue;
            }
            run.add(new double[] {LEFT + slot * w + slot / 2, BOTTOM - (BOTTOM - TOP) * value / top});
        }
        flush(svg, run);
        for (int w = 0; w < weeks.size(); w++) {
            Double value = l.values().get(w);
            if (value != null) {
                svg.point(LEFT + slot * w + slot / 2, BOTTOM - (BOTTOM - TOP) * value / top, LINE,
                        weeks.get(w) + ": " + l.name() + " " + l.format().apply(value));
            }
        }
    }

    private static void flush(SvgChart svg, List<double[]> run) {
        if (run.size() > 1) {
            svg.polyline(run, LINE, 2.5, true);
        }
        run.clear();
    }

    /** Ticks at quarters of {@code top}: gridlines across the plot for the left axis, labels only for the right. */
    private static void axis(SvgChart svg, double top, double from, double to, DoubleFunction<String> ticks, boolean left) {
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            double y = BOTTOM - (BOTTOM - TOP) * i / 4;
            if (left) {
                svg.line(from, y, to, y, i == 0 ? INK : GRID, 1, false);
                svg.text(from - 8, y + 5, ticks.apply(value), "end", INK, 15, false);
            } else {
                svg.text(to + 8, y + 5, ticks.apply(value), "start", INK, 15, false);
            }
        }
    }

    private void legend(SvgChart svg, String hatch) {
        double x = LEFT;
        for (var series : bars) {
            svg.rect(x, 6, 20, 16, series.hatched() ? hatch : FIRST, INK, null);
            svg.text(x + 27, 20, series.name(), "start", INK, 16, false);
            x += 50 + series.name().length() * 9;
        }
        if (line.isPresent()) {
            svg.line(x, 14, x + 30, 14, LINE, 2.5, true);
            svg.point(x + 15, 14, LINE, null);
            svg.text(x + 38, 20, line.get().name(), "start", INK, 16, false);
        }
    }

    /** Four times a step of 1, 2, 3 or 5 (times a power of ten) at or above the largest value, so every quarter tick is whole. */
    private static double niceMax(Stream<Double> values) {
        double max = values.filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
        for (double magnitude = 1; ; magnitude *= 10) {
            for (int step : new int[] {1, 2, 3, 5}) {
                if (4 * step * magnitude >= max) {
                    return 4 * step * magnitude;
                }
            }
        }
    }
}
