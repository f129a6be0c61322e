package dk.hotline.console;

import dk.hotline.rota.Shift;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftCalendarTest {
    @Test
    void prints() throws Exception {
        var zone = ZoneId.of("Europe/Copenhagen");
        var cal = new ShiftCalendar(zone, "example.org", Clock.systemUTC());
        String text = cal.render(List.of(new Shift(1, 2, "A", Instant.parse("2026-10-24T17:00:00Z"), Instant.parse("2026-10-24T21:00:00Z")),
                new Shift(2, 2, "A", Instant.parse("2026-10-25T18:00:00Z"), Instant.parse("2026-10-25T22:00:00Z"))));
        System.out.println(text);
        var parsed = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(text));
        parsed.validate();
        for (var c : parsed.getComponents("VEVENT")) {
            var e = (net.fortuna.ical4j.model.component.VEvent) c;
            Object d = e.getDateTimeStart().getDate();
            System.out.println(d + " " + d.getClass() + " " + java.time.Instant.from((java.time.temporal.TemporalAccessor) d));
        }
    }
}
