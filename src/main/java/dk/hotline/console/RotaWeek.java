package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.rota.Gap;
import dk.hotline.rota.Shift;
import dk.hotline.web.Messages;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An ISO week in the rota's zone, Monday to Sunday, and what each of its days shows. A day runs
 * from its local midnight to the next, so the day the clocks change has 23 or 25 hours, and a
 * shift is shown at its local start and end on both sides of the change.
 */
record RotaWeek(LocalDate monday, ZoneId zone) {
    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** {@code 2026-W49}; none is the week of {@code now}. Anything else is a 400 on {@code week}. */
    static RotaWeek parse(String raw, ZoneId zone, Instant now) {
        if (raw == null || raw.isBlank()) {
            return containing(now, zone);
        }
        var m = ISO_WEEK.matcher(raw.trim());
        LocalDate fourthOfJanuary = m.matches() ? LocalDate.of(Integer.parseInt(m.group(1)), 1, 4) : null;
        int week = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        if (fourthOfJanuary == null || !fourthOfJanuary.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).isValidValue(week)) {
            throw new InvalidInputException("week", "an ISO week such as 2026-W49");
        }
        return new RotaWeek(fourthOfJanuary.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY), zone);
    }

    static RotaWeek containing(Instant at, ZoneId zone) {
        return new RotaWeek(at.atZone(zone).toLocalDate().with(DayOfWeek.MONDAY), zone);
    }

    /** E.g. {@code 2026-W49}. */
    String code() {
        return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), number());
    }

    int number() {
        return monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    RotaWeek plus(long weeks) {
        return new RotaWeek(monday.plusWeeks(weeks), zone);
    }

    LocalDate sunday() {
        return monday.plusDays(6);
    }

    /** Monday's local midnight. */
    Instant from() {
        return monday.atStartOfDay(zone).toInstant();
    }

    /** The next Monday's local midnight. */
    Instant to() {
        return monday.plusWeeks(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The seven days with their shifts (a shift across midnight on both days) and gaps (cut at
     * midnight), in order of time. {@code own} is the leader the reader is, {@code inactive} the
     * leaders whose shifts do not count; {@code editable} adds each shift's link to change it.
     */
    List<RotaView.Day> days(List<Shift> shifts, List<Gap> gaps, LocalDate today, Optional<Long> own, Set<Long> inactive,
                            boolean editable, Messages t) {
        Locale locale = t.language().locale();
        var dayTitle = DateTimeFormatter.ofPattern(t.get("rota.dayPattern"), locale);
        var weekday = DateTimeFormatter.ofPattern("EEEE", locale);
        var days = new ArrayList<RotaView.Day>();
        for (LocalDate date = monday; !date.isAfter(sunday()); date = date.plusDays(1)) {
            Instant start = date.atStartOfDay(zone).toInstant();
            Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
            var entries = new ArrayList<Timed>();
            for (Shift s : shifts) {
                if (s.start().isBefore(end) && s.end().isAfter(start)) {
                    var notes = new ArrayList<String>();
                    if (s.start().isBefore(start)) {
                        notes.add(t.get("rota.from", weekday.format(s.start().atZone(zone))));
                    }
                    if (s.end().isAfter(end)) {
                        notes.add(t.get("rota.until", weekday.format(s.end().atZone(zone))));
                    }
                    if (inactive.contains(s.leaderId())) {
                        notes.add(t.get("rota.inactive"));
                    }
                    String time = time(s.start()) + "–" + endTime(s.start(), s.end());
                    String label = t.get("rota.editLabel", s.leaderName(), weekday.format(s.start().atZone(zone)), time);
                    entries.add(new Timed(later(s.start(), start), 0, new RotaView.Entry(false, s.leaderName(), time,
                            String.join(" · ", notes), own.filter(id -> id == s.leaderId()).isPresent(),
                            inactive.contains(s.leaderId()), editable ? "/rota?week=" + code() + "&shift=" + s.id() + "#edit" : "",
                            label)));
                }
            }
            for (Gap g : gaps) {
                if (g.start().isBefore(end) && g.end().isAfter(start)) {
                    Instant from = later(g.start(), start);
                    Instant to = g.end().isAfter(end) ? end : g.end();
                    entries.add(new Timed(from, 1, new RotaView.Entry(true, t.get("rota.nobody"),
                            time(from) + "–" + endTime(from, to), "", false, false, "", "")));
                }
            }
            entries.sort(Comparator.comparing(Timed::at).thenComparingInt(Timed::order));
            long hours = Duration.between(start, end).toHours();
            days.add(new RotaView.Day(capitalised(dayTitle.format(date), locale), date.equals(today),
                    hours == 24 ? "" : t.get(hours < 24 ? "rota.dayShorter" : "rota.dayLonger", hours), entries.stream().map(Timed::entry).toList()));
        }
        return days;
    }

    /** An entry and where it goes in its day: by time, a shift before a gap that starts with it. */
    private record Timed(Instant at, int order, RotaView.Entry entry) {}

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    /** The local end; the midnight that ends the start's day is 24:00, as a rota says it. */
    private String endTime(Instant start, Instant end) {
        LocalDate startDay = start.atZone(zone).toLocalDate();
        return end.equals(startDay.plusDays(1).atStartOfDay(zone).toInstant()) ? "24:00" : time(end);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String capitalised(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
