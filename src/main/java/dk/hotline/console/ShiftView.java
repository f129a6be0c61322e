package dk.hotline.console;

import dk.hotline.rota.Shift;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A shift as the JSON API shows it: times with the offset the rota's zone has on that day. */
record ShiftView(long id, long leaderId, String leaderName, String start, String end) {
    static ShiftView of(Shift s, ZoneId zone) {
        return new ShiftView(s.id(), s.leaderId(), s.leaderName(), local(s.start(), zone), local(s.end(), zone));
    }

    /** E.g. 2027-03-28T17:00:00+02:00: the instant, and the wall-clock time a coordinator plans by. */
    static String local(Instant at, ZoneId zone) {
        return at.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
