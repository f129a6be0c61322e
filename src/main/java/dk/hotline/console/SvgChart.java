package dk.hotline.console;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.util.List;
import java.util.Locale;

/**
 * A picture drawn on the server as inline SVG, for a page without JavaScript: {@code role="img"}
 * named by its {@code <title>} and described by its {@code <desc>} (through {@code aria-labelledby}),
 * every text escaped, shapes with a {@code <title>} of their own as a tooltip. Ids are prefixed
 * with the chart's id, so several charts (and their patterns) live on one page.
 */
final class SvgChart {
    private final String id;
    private final int width;
    private final int height;
    private final String title;
    private final String desc;
    private final StringBuilder defs = new StringBuilder();
    private final StringBuilder body = new StringBuilder();

    SvgChart(String id, int width, int height, String title, String desc) {
        this.id = id;
        this.width = width;
        this.height = height;
        this.title = title;
        this.desc = desc;
    }

    /**
     * A fill of {@code colour} crossed by white diagonal stripes, for a second series that must not
     * be told from the first by colour alone; returns the value for a {@code fill} attribute.
     */
    String hatch(String name, String colour) {
        String patternId = id + "-" + name;
        defs.append("<pattern id=\"").append(esc(patternId))
                .append("\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" patternTransform=\"rotate(45)\">")
                .append("<rect width=\"8\" height=\"8\" fill=\"").append(esc(colour)).append("\"/>")
                .append("<rect width=\"3\" height=\"8\" fill=\"#ffffff\"/></pattern>");
        return "url(#" + patternId + ")";
    }

    /** A rectangle; {@code stroke} may be null; {@code tooltip} may be null. */
    SvgChart rect(double x, double y, double w, double h, String fill, String stroke, String tooltip) {
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(esc(fill)).append('"');
        if (stroke != null) {
            body.append(" stroke=\"").append(esc(stroke)).append("\" stroke-width=\"1\"");
        }
        return withTooltip("rect", tooltip);
    }

    /** Text at {@code (x, y)}, its baseline there; {@code anchor}: start, middle or end. */
    SvgChart text(double x, double y, String text, String anchor, String fill, int size, boolean bold) {
        body.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" fill=\"").append(esc(fill)).append("\" font-size=\"").append(size).append('"')
                .append(bold ? " font-weight=\"700\"" : "").append('>').append(esc(text)).append("</text>");
        return this;
    }

    SvgChart line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, boolean dashed) {
        body.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(esc(stroke)).append("\" stroke-width=\"")
                .append(num(strokeWidth)).append('"').append(dashed ? " stroke-dasharray=\"6 4\"" : "").append("/>");
        return this;
    }

    /** A line through the points ({@code [x, y]} each), dashed when asked. */
    SvgChart polyline(List<double[]> points, String stroke, double strokeWidth, boolean dashed) {
        body.append("<polyline fill=\"none\" stroke=\"").append(esc(stroke)).append("\" stroke-width=\"").append(num(strokeWidth))
                .append('"').append(dashed ? " stroke-dasharray=\"6 4\"" : "").append(" points=\"");
        for (double[] p : points) {
            body.append(num(p[0])).append(',').append(num(p[1])).append(' ');
        }
        body.append("\"/>");
        return this;
    }

    /** A point marker: a white-filled circle with a thick outline, so it reads as a point, not a bar. */
    SvgChart point(double cx, double cy, String stroke, String tooltip) {
        body.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
                .append("\" r=\"5\" fill=\"#ffffff\" stroke=\"").append(esc(stroke)).append("\" stroke-width=\"3\"");
        return withTooltip("circle", tooltip);
    }

    /** The finished picture, written into a template as it is (its text is escaped here). */
    Content build() {
        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" aria-labelledby=\"").append(esc(id)).append("-title ")
                .append(esc(id)).append("-desc\" font-family=\"system-ui, sans-serif\">")
                .append("<title id=\"").append(esc(id)).append("-title\">").append(esc(title)).append("</title>")
                .append("<desc id=\"").append(esc(id)).append("-desc\">").append(esc(desc)).append("</desc>");
        if (!defs.isEmpty()) {
            svg.append("<defs>").append(defs).append("</defs>");
        }
        svg.append(body).append("</svg>");
        String markup = svg.toString();
        return new Content() {
            @Override
            public void writeTo(TemplateOutput output) {
                output.writeContent(markup);
            }

            @Override
            public String toString() {
                return markup;
            }
        };
    }

    private SvgChart withTooltip(String element, String tooltip) {
        if (tooltip == null) {
            body.append("/>");
        } else {
            body.append("><title>").append(esc(tooltip)).append("</title></").append(element).append('>');
        }
        return this;
    }

    /** Coordinates with at most one decimal, whatever the locale. */
    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String esc(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
