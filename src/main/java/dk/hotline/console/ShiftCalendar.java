package dk.hotline.console;

import dk.hotline.rota.Shift;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A leader's shifts as an iCalendar feed, for a phone's calendar app. Each shift is one event at
 * its local times in the rota's zone (with that zone's VTIMEZONE, so 19:00 stays 19:00 across a
 * DST change), with a UID made from the shift's id so an app updates a moved shift in place.
 * Anyone who sees the phone sees the calendar: the events say "Vagt" (shift) and nothing else —
 * no service, no organisation, no numbers, no place.
 */
final class ShiftCalendar {
    static final String SUMMARY = "Vagt";
    private static final String NAME = "Vagter";
    private static final Duration REFRESH = Duration.ofHours(1);

    private final VTimeZone timezone;
    private final ZoneId zone;
    private final String uidDomain;
    private final Clock clock;

    /** @param uidDomain what follows the {@code @} in each event's UID (the service's host), so UIDs are unique worldwide */
    ShiftCalendar(ZoneId zone, String uidDomain, Clock clock) {
        // ical4j's registry reads the zone from the definitions inside its own jar (see ical4j.properties).
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        var tz = registry.getTimeZone(zone.getId());
        if (tz == null) {
            throw new IllegalArgumentException("ical4j has no VTIMEZONE for " + zone.getId());
        }
        this.timezone = named(tz.getVTimeZone(), zone);
        this.zone = zone;
        this.uidDomain = uidDomain;
        this.clock = clock;
    }

    /**
     * The zone's VTIMEZONE under the rota zone's own name. ical4j files a zone that the tz database
     * made a link (Europe/Copenhagen is one of Europe/Berlin since 2022) under the zone it points
     * to, whose rules it has; the events name the rota's zone, and a TZID must match a VTIMEZONE.
     * The definition's origin (TZURL, X-LIC-LOCATION) names the other zone, so it goes.
     */
    private static VTimeZone named(VTimeZone definition, ZoneId zone) {
        VTimeZone copy = definition.copy();
        copy.replace(new TzId(zone.getId()));
        copy.removeAll(Property.TZURL, "X-LIC-LOCATION");
        return copy;
    }

    /** The feed's text: CRLF lines, folded at 75 octets, as RFC 5545 has them. */
    String render(List<Shift> shifts) {
        var calendar = new Calendar()
                .withProdId("-//Vagtplan//DA")
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withProperty(new Name(NAME))
                .withProperty(new XProperty("X-WR-CALNAME", NAME))
                .withProperty(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH))
                .withProperty(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()))
                // A copy each time: ical4j's components are mutable, and feeds are made on many threads.
                .withComponent(timezone.copy())
                .getFluentTarget();
        var stamp = new DtStamp(clock.instant());
        for (Shift shift : shifts) {
            var event = new VEvent(shift.start().atZone(zone), shift.end().atZone(zone), SUMMARY);
            event.add(new Uid("shift-" + shift.id() + "@" + uidDomain));
            event.replace(stamp);
            calendar.add(event);
        }
        var out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }
}
