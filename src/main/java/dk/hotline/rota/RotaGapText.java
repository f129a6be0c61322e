package dk.hotline.rota;

import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.twilio.SmsSegments;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The coordinators' text about gaps in the rota, in Danish local time: "tor 26/11 22.00-08.00".
 * As many gaps as fit in {@link #MAX_SEGMENTS} SMS parts, then "+N flere": the rest is one API
 * call away, and a long text is split and paid for by the part.
 */
final class RotaGapText {
    static final int MAX_SEGMENTS = 3;
    /** Our own short Danish weekday names: the JDK's ("tor.") vary by version and carry a dot. */
    private static final String[] WEEKDAYS = {"man", "tir", "ons", "tor", "fre", "lør", "søn"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    private RotaGapText() {}

    /**
     * The {@link Text#ROTA_GAPS} text, in Danish. Gaps are dropped from the end until the text
     * fits; at least the count and "+N flere" ({@link Text#ROTA_GAPS_MORE}) are always said.
     */
    static String render(List<Gap> gaps, ZoneId zone, Texts texts) {
        var items = gaps.stream().map(g -> format(g, zone)).toList();
        for (int shown = items.size(); ; shown--) {
            var parts = new ArrayList<>(items.subList(0, shown));
            if (shown < items.size()) {
                parts.add(texts.fill(Language.DANISH, Text.ROTA_GAPS_MORE, Map.of("n", items.size() - shown)));
            }
            String body = texts.fill(Language.DANISH, Text.ROTA_GAPS,
                    Map.of("count", items.size(), "gaps", String.join(", ", parts)));
            if (shown == 0 || SmsSegments.count(body) <= MAX_SEGMENTS) {
                return body;
            }
        }
    }

    /**
     * A hyphen, not an en dash: one character outside GSM-7 would make the whole text UCS-2 and
     * more than double its parts. The end's day is left out when it is plainly the next morning.
     */
    static String format(Gap gap, ZoneId zone) {
        ZonedDateTime start = gap.start().atZone(zone);
        ZonedDateTime end = gap.end().atZone(zone);
        boolean endDayImplied = end.toLocalDate().equals(start.toLocalDate())
                || Duration.between(gap.start(), gap.end()).compareTo(Duration.ofDays(1)) < 0;
        return day(start) + " " + start.format(TIME) + "-" + (endDayImplied ? "" : day(end) + " ") + end.format(TIME);
    }

    private static String day(ZonedDateTime t) {
        return WEEKDAYS[t.getDayOfWeek().getValue() - 1] + " " + t.format(DAY);
    }
}
