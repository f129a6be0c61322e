package dk.hotline.rota;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A weekly shift in local wall-clock time, e.g. every Monday 17:00–21:00 in the rota's zone. */
public record ShiftTemplate(long id, long leaderId, String leaderName, DayOfWeek weekday, LocalTime start, LocalTime end) {

    private static final int WEEK_MINUTES = 7 * 24 * 60;

    /**
     * Whether this template and {@code other} ever have the leader on call at once, in wall-clock
     * time on the weekly cycle (an overnight Sunday shift meets Monday's). Touching ends do not overlap.
     */
    public boolean overlaps(ShiftTemplate other) {
        int a = minuteOfWeek();
        int b = other.minuteOfWeek();
        // Each occurrence is [start, start + length); compare b's start against a's span and vice versa, on the circle.
        return Math.floorMod(b - a, WEEK_MINUTES) < minutes() || Math.floorMod(a - b, WEEK_MINUTES) < other.minutes();
    }

    private int minuteOfWeek() {
        return (weekday.getValue() - 1) * 24 * 60 + start.getHour() * 60 + start.getMinute();
    }

    private int minutes() {
        int length = (end.getHour() * 60 + end.getMinute()) - (start.getHour() * 60 + start.getMinute());
        return overnight() ? length + 24 * 60 : length;
    }

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
