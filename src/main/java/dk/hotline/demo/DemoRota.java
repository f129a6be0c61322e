package dk.hotline.demo;

import dk.hotline.rota.Leader;
import dk.hotline.rota.ShiftInput;
import dk.hotline.rota.Shifts;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The demo's rota: round the clock in three shifts a day (07–15, 15–23, 23–07), two leaders on
 * each, from this week's Monday through three more weeks, so someone is on call whenever the demo
 * starts. One morning shift, the day after tomorrow, ends at 11 instead of 15: the gap the rota
 * page and Today show. The same pairing says who was on call in the history before the rota.
 */
final class DemoRota {
    static final int WEEKS = 4;
    static final LocalTime MORNING = LocalTime.of(7, 0);
    static final LocalTime EVENING = LocalTime.of(15, 0);
    static final LocalTime NIGHT = LocalTime.of(23, 0);
    /** The gap: nobody from 11:00 to 15:00 on the day after tomorrow. */
    static final LocalTime GAP_FROM = LocalTime.of(11, 0);
    static final int GAP_DAYS_AHEAD = 2;

    private final List<Leader> leaders;
    private final ZoneId zone;

    DemoRota(List<Leader> leaders, ZoneId zone) {
        this.leaders = List.copyOf(leaders);
        this.zone = zone;
    }

    /** Makes the shifts through the rota's own service; returns how many. */
    int plan(Shifts shifts, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        LocalDate gapDay = today.plusDays(GAP_DAYS_AHEAD);
        int made = 0;
        // The night from Sunday into this week's Monday first, so Monday's small hours are covered too.
        made += shift(shifts, monday.minusDays(1), NIGHT, monday, MORNING);
        for (LocalDate day = monday; day.isBefore(monday.plusWeeks(WEEKS)); day = day.plusDays(1)) {
            made += shift(shifts, day, MORNING, day, day.equals(gapDay) ? GAP_FROM : EVENING);
            made += shift(shifts, day, EVENING, day, NIGHT);
            made += shift(shifts, day, NIGHT, day.plusDays(1), MORNING);
        }
        return made;
    }

    private int shift(Shifts shifts, LocalDate startDay, LocalTime start, LocalDate endDay, LocalTime end) {
        var from = ZonedDateTime.of(startDay, start, zone);
        var to = ZonedDateTime.of(endDay, end, zone);
        int made = 0;
        for (Leader leader : pair(from.toInstant())) {
            shifts.create(new ShiftInput(leader.id(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(from),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(to)));
            made++;
        }
        return made;
    }

    /** The two leaders of the shift that holds {@code at} (in the history too, where no shift was written). */
    List<Leader> pair(Instant at) {
        var local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        int part;
        if (local.toLocalTime().isBefore(MORNING)) {
            day = day.minusDays(1);
            part = 2;
        } else if (local.toLocalTime().isBefore(EVENING)) {
            part = 0;
        } else if (local.toLocalTime().isBefore(NIGHT)) {
            part = 1;
        } else {
            part = 2;
        }
        long slot = day.toEpochDay() * 3 + part;
        int first = (int) Math.floorMod(slot * 2, (long) leaders.size());
        return List.of(leaders.get(first), leaders.get((first + 1) % leaders.size()));
    }

    /** Of the pair on call at {@code at}, one who speaks {@code language}, else the first. */
    Leader taker(Instant at, String language) {
        var pair = pair(at);
        return pair.stream().filter(l -> l.languages().stream().anyMatch(x -> x.code().equals(language)))
                .findFirst().orElse(pair.get(0));
    }
}
