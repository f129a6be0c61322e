package dk.hotline.app;

import java.time.LocalTime;

/** A local time range in which no reminder or follow-up text is sent; may span midnight. */
public record QuietHours(LocalTime start, LocalTime end) {
    static QuietHours parse(String raw) {
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
}
