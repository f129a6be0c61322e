package dk.hotline.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A local time range in which no reminder or follow-up text is sent; may span midnight. */
public record QuietHours(LocalTime start, LocalTime end) {
    public static QuietHours parse(String raw) {
        String[] parts = raw.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected HH:MM-HH:MM");
        }
        var hours = new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        if (hours.start.equals(hours.end)) {
            throw new IllegalArgumentException("empty range");
        }
        return hours;
    }

    public boolean contains(LocalTime t) {
        return start.isBefore(end)
                ? !t.isBefore(start) && t.isBefore(end)
                : !t.isBefore(start) || t.isBefore(end);
    }

    /** Whether the moment {@code t} is inside quiet hours on the local clock of {@code zone}. */
    public boolean contains(Instant t, ZoneId zone) {
        return contains(t.atZone(zone).toLocalTime());
    }

    /**
     * {@code t} itself, or when it falls inside quiet hours the last minute before they began
     * (a reminder must come before its session, so it moves earlier).
     */
    public Instant before(Instant t, ZoneId zone) {
        var local = t.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return t;
        }
        LocalDate began = spansMidnight() && local.toLocalTime().isBefore(start) ? local.toLocalDate().minusDays(1)
                : local.toLocalDate();
        return ZonedDateTime.of(began, start, zone).minusMinutes(1).toInstant();
    }

    /** {@code t} itself, or when it falls inside quiet hours the moment they end (a follow-up can wait). */
    public Instant after(Instant t, ZoneId zone) {
        var local = t.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return t;
        }
        LocalDate ends = spansMidnight() && !local.toLocalTime().isBefore(start) ? local.toLocalDate().plusDays(1)
                : local.toLocalDate();
        return ZonedDateTime.of(ends, end, zone).toInstant();
    }

    /** The first moment after {@code t} at which quiet hours begin. */
    public Instant nextStart(Instant t, ZoneId zone) {
        var begins = ZonedDateTime.of(t.atZone(zone).toLocalDate(), start, zone);
        return (begins.toInstant().isAfter(t) ? begins : begins.plusDays(1)).toInstant();
    }

    private boolean spansMidnight() {
        return end.isBefore(start);
    }
}
