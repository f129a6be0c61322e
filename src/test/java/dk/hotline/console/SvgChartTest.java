package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SVG builder: named and described for screen readers, and no text of any kind can break out of its element. */
class SvgChartTest {
    @Test
    void isAnImageNamedByItsTitleAndDescribedByItsDesc() {
        String svg = new SvgChart("answers", 640, 330, "Besvarede opkald", "3 af 4 besvaret").build().toString();

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 640 330\""
                + " aria-labelledby=\"answers-title answers-desc\"");
        assertThat(svg).contains("<title id=\"answers-title\">Besvarede opkald</title>", "<desc id=\"answers-desc\">3 af 4 besvaret</desc>");
    }

    @Test
    void escapesEveryText() {
        var chart = new SvgChart("x", 100, 100, "<script>alert(1)</script>", "\"quoted\" & 'single'");
        chart.text(1, 2, "</text><script>", "start", "#000", 12, false).rect(0, 0, 1, 1, "#fff", null, "a<b & c>d");

        String svg = chart.build().toString();
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;quoted&quot; &amp; &#39;single&#39;").contains("&lt;/text&gt;&lt;script&gt;")
                .contains("<title>a&lt;b &amp; c&gt;d</title>");
    }

    @Test
    void aHatchIsAPatternOfItsChartOnly() {
        var chart = new SvgChart("texts", 100, 100, "t", "d");
        String fill = chart.hatch("out", "#8a4b00");
        chart.rect(0, 0, 10, 10, fill, "#1b1b1b", null);

        assertThat(fill).isEqualTo("url(#texts-out)");
        assertThat(chart.build().toString()).contains("<defs><pattern id=\"texts-out\"").contains("fill=\"url(#texts-out)\"");
    }

    @Test
    void theHeatmapShadesFiveEqualPartsOfTheBusiestHour() {
        assertThat(CallsByHourSection.level(0, 11)).isZero();
        assertThat(CallsByHourSection.level(1, 11)).isEqualTo(1);
        assertThat(CallsByHourSection.level(2, 11)).as("up to 11/5 = 2.2").isEqualTo(1);
        assertThat(CallsByHourSection.level(3, 11)).isEqualTo(2);
        assertThat(CallsByHourSection.level(9, 11)).isEqualTo(5);
        assertThat(CallsByHourSection.level(11, 11)).isEqualTo(5);
        assertThat(CallsByHourSection.level(1, 1)).isEqualTo(5);
    }
}
