package dk.hotline.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The years any time the service is given must fall in: 2000 to 2199. Java reads years from
 * -999999999 on, PostgreSQL stores 4713 BC to 294276 AD, and a time outside both was a 500 (or a
 * shift in year 1). Nothing the hotline plans or reports on lies outside these years.
 */
public final class TimeBounds {
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    /** The first day that is too late. */
    public static final LocalDate END_DAY = LocalDate.of(2200, 1, 1);
    private static final Instant FIRST = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END = END_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final String RANGE = "a time in the years 2000 to 2199";

    private TimeBounds() {}

    /** {@code at}, or a 400 naming {@code field} when it lies outside the years. */
    public static Instant check(String field, Instant at) {
        if (at.isBefore(FIRST) || !at.isBefore(END)) {
            throw new InvalidInputException(field, RANGE);
        }
        return at;
    }

    /** {@code day}, or a 400 naming {@code field} when it lies outside the years. */
    public static LocalDate check(String field, LocalDate day) {
        if (day.isBefore(FIRST_DAY) || !day.isBefore(END_DAY)) {
            throw new InvalidInputException(field, "a date in the years 2000 to 2199");
        }
        return day;
    }
}
