package dk.hotline.rota;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A weekly shift in local wall-clock time, e.g. every Monday 17:00–21:00 in the rota's zone. */
public record ShiftTemplate(long id, long leaderId, String leaderName, DayOfWeek weekday, LocalTime start, LocalTime end) {

    /** An end before the start on the clock means the shift ends the next day. */
    public boolean overnight() {
        return end.isBefore(start);
    }

    /**
     * When the occurrence on {@code date} starts. Built from the local date and time, never by
     * adding 7 × 24 hours, so the wall-clock time holds across DST; a time that does not exist
     * that night moves forward by the gap, an ambiguous one takes the earlier offset (java.time's rule).
     */
    public Instant startOn(LocalDate date, ZoneId zone) {
        return ZonedDateTime.of(date, start, zone).toInstant();
    }

    public Instant endOn(LocalDate date, ZoneId zone) {
        return ZonedDateTime.of(overnight() ? date.plusDays(1) : date, end, zone).toInstant();
    }
}
