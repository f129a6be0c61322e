package dk.hotline.demo;

import dk.hotline.rota.Leader;
import dk.hotline.rota.ShiftInput;
import dk.hotline.rota.Shifts;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo's rota: round the clock in three shifts a day (07–15, 15–23, 23–07), two leaders on
 * each, from this week's Monday through three more weeks, so someone is on call whenever the demo
 * starts. One morning shift, the day after tomorrow, ends at 11 instead of 15: the gap the rota
 * page and Today show. The same pairing says who was on call in the history before the rota.
 * Shifts from the days before yesterday are history: the rota's service takes new shifts only
 * from a day back ({@code limits.pastDays}), so those go straight into the table, as the rest of
 * the demo's history does.
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

    /** Shifts that start longer ago than this are written as history, not through the service. */
    private static final Duration HISTORY = Duration.ofHours(12);

    /** Makes the shifts through the rota's own service, those already past into the table; returns how many. */
    int plan(Shifts shifts, Jdbi jdbi, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        LocalDate gapDay = today.plusDays(GAP_DAYS_AHEAD);
        int made = 0;
        // The night from Sunday into this week's Monday first, so Monday's small hours are covered too.
        Sink sink = (leader, from, to) -> {
            if (from.toInstant().isBefore(now.minus(HISTORY))) {
                jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO shifts (leader_id, starts_at, ends_at, created_at) VALUES (:leader, :from, :to, :now)""")
                        .bind("leader", leader.id()).bind("from", from.toInstant()).bind("to", to.toInstant()).bind("now", now)
                        .execute());
            } else {
                shifts.create(new ShiftInput(leader.id(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(from),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(to)));
            }
        };
        made += shift(sink, monday.minusDays(1), NIGHT, monday, MORNING);
        for (LocalDate day = monday; day.isBefore(monday.plusWeeks(WEEKS)); day = day.plusDays(1)) {
            made += shift(sink, day, MORNING, day, day.equals(gapDay) ? GAP_FROM : EVENING);
            made += shift(sink, day, EVENING, day, NIGHT);
            made += shift(sink, day, NIGHT, day.plusDays(1), MORNING);
        }
        return made;
    }

    /** Where one shift goes: the service, or the table for one already past. */
    private interface Sink {
        void write(Leader leader, ZonedDateTime from, ZonedDateTime to);
    }

    private int shift(Sink sink, LocalDate startDay, LocalTime start, LocalDate endDay, LocalTime end) {
        var from = ZonedDateTime.of(startDay, start, zone);
        var to = ZonedDateTime.of(endDay, end, zone);
        int made = 0;
        for (Leader leader : pair(from.toInstant())) {
            sink.write(leader, from, to);
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
