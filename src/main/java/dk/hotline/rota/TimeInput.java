package dk.hotline.rota;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.TimeBounds;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Times and weekdays as coordinators write them, each turned into a 400 that names its field. */
public final class TimeInput {
    private TimeInput() {}

    /**
     * An instant written with its offset, in whole seconds (what is finer is dropped, as
     * everywhere the service takes a time: see ARCHITECTURE.md). A time without an offset is
     * refused rather than guessed: the same wall-clock time means two instants on the night the
     * clocks go back.
     */
    public static Instant instant(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "required: ISO-8601 with offset, e.g. 2027-03-28T17:00:00+02:00");
        }
        try {
            return TimeBounds.check(field, OffsetDateTime.parse(raw.trim()).toInstant()).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "not ISO-8601 with offset, e.g. 2027-03-28T17:00:00+02:00");
        }
    }

    /** A wall-clock time such as {@code 17:00}, in whole seconds. */
    public static LocalTime localTime(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "required: a local time such as 17:00");
        }
        try {
            return LocalTime.parse(raw.trim()).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "not a local time such as 17:00");
        }
    }

    /** 1 (Monday) to 7 (Sunday), as ISO-8601 counts, or the English name. */
    public static DayOfWeek weekday(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "required: 1-7 (Monday = 1) or MONDAY…SUNDAY");
        }
        String value = raw.trim().toUpperCase(Locale.ROOT);
        try {
            return value.chars().allMatch(Character::isDigit) ? DayOfWeek.of(Integer.parseInt(value)) : DayOfWeek.valueOf(value);
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, "1-7 (Monday = 1) or MONDAY…SUNDAY");
        }
    }
}
