package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Times on the console's pages and in its forms, in the rota's zone: what a coordinator plans by.
 * A form's {@code datetime-local} value becomes the ISO-8601 time with offset the JSON API takes,
 * with the offset the zone has on that day (summer or winter time).
 */
final class LocalTimes {
    /** What a {@code <input type="datetime-local">} holds and is given: 2027-03-28T17:00. */
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;

    LocalTimes(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The time with offset for a form's local date and time; null for a blank one (the service
     * says it is required). A time the clocks skip (02:30 on the last Sunday of March) is refused;
     * one they pass twice (02:30 on the last Sunday of October) is the first, in summer time.
     */
    String withOffset(String field, String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(local.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "not a date and time");
        }
        if (zone.getRules().getValidOffsets(at).isEmpty()) {
            throw new InvalidInputException(field, "clocks", "does not exist on that day: the clocks go forward");
        }
        return ZonedDateTime.of(at, zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The value a {@code datetime-local} input shows for {@code at}. */
    String input(Instant at) {
        return INPUT.format(at.atZone(zone));
    }

    /** The day, as the reader writes it: "tor. 3. dec. 2026", "Thu 3 Dec 2026". */
    String day(Instant at, Locale locale) {
        String pattern = locale.getLanguage().equals("da") ? "EEE d. MMM yyyy" : "EEE d MMM yyyy";
        return DateTimeFormatter.ofPattern(pattern, locale).format(at.atZone(zone));
    }

    /** "17:00". */
    String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    /** "17:00–19:00". */
    String span(Instant start, Instant end) {
        return time(start) + "–" + time(end);
    }

    /** "tor. 3. dec. 2026 17:00". */
    String dayAndTime(Instant at, Locale locale) {
        return day(at, locale) + " " + time(at);
    }
}
