package dk.hotline.rota;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.common.Language;
import dk.hotline.flows.FlowLoader;
import dk.hotline.flows.Texts;
import dk.hotline.twilio.SmsSegments;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotaGapTextTest {
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private final Texts texts = FlowLoader.load(Path.of("flows")).texts();

    @Test
    void gapsAreSaidInLocalTimeWithTheEndDayOnlyWhenItIsNotPlain() {
        assertThat(RotaGapText.format(gap("2026-11-26T21:00:00Z", "2026-11-27T07:00:00Z"), COPENHAGEN))
                .isEqualTo("tor 26/11 22.00-08.00");
        assertThat(RotaGapText.format(gap("2026-11-28T13:00:00Z", "2026-11-28T15:00:00Z"), COPENHAGEN))
                .isEqualTo("lør 28/11 14.00-16.00");
        assertThat(RotaGapText.format(gap("2026-11-27T21:00:00Z", "2026-11-29T07:00:00Z"), COPENHAGEN))
                .as("two nights and a day").isEqualTo("fre 27/11 22.00-søn 29/11 08.00");
        assertThat(RotaGapText.format(gap("2027-03-28T00:00:00Z", "2027-03-28T02:00:00Z"), COPENHAGEN))
                .as("the night summer time begins").isEqualTo("søn 28/3 01.00-04.00");
    }

    @Test
    void aFewGapsAreAllListed() {
        String body = render(List.of(gap("2026-11-26T21:00:00Z", "2026-11-27T07:00:00Z"),
                gap("2026-11-28T13:00:00Z", "2026-11-28T15:00:00Z")));

        assertThat(body).isEqualTo("Vagtplan: 2 tidsrum uden vagt de næste 7 dage: tor 26/11 22.00-08.00, "
                + "lør 28/11 14.00-16.00. Se /api/rota/gaps.");
    }

    @Test
    void manyGapsAreCutToThreePartsWithHowManyMore() {
        var gaps = new ArrayList<Gap>();
        Instant start = Instant.parse("2026-11-26T08:00:00Z");
        for (int i = 0; i < 40; i++) {
            Instant from = start.plus(Duration.ofHours(4L * i));
            gaps.add(new Gap(from, from.plus(Duration.ofHours(1))));
        }

        String body = render(gaps);

        assertThat(body).startsWith("Vagtplan: 40 tidsrum uden vagt de næste 7 dage: tor 26/11 09.00-10.00, tor 26/11 13.00-14.00, ")
                .matches("(?s).*, \\+\\d+ flere\\. Se /api/rota/gaps\\.");
        assertThat(SmsSegments.count(body)).isEqualTo(RotaGapText.MAX_SEGMENTS);
        int more = Integer.parseInt(body.replaceFirst("(?s).*\\+(\\d+) flere.*", "$1"));
        int shown = 40 - more;
        assertThat(shown).isGreaterThan(10);
        String oneMore = "Vagtplan: 40 tidsrum uden vagt de næste 7 dage: " + String.join(", ", gaps.subList(0, shown + 1).stream()
                .map(g -> RotaGapText.format(g, COPENHAGEN)).toList()) + ", +" + (more - 1) + " flere. Se /api/rota/gaps.";
        assertThat(SmsSegments.count(oneMore)).as("not one gap more would have fitted").isGreaterThan(RotaGapText.MAX_SEGMENTS);
    }

    private String render(List<Gap> gaps) {
        return RotaGapText.render(gaps, COPENHAGEN, texts);
    }

    private static Gap gap(String start, String end) {
        return new Gap(Instant.parse(start), Instant.parse(end));
    }
}
