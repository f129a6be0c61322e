package dk.hotline.console;

import dk.hotline.groups.Reminders;
import dk.hotline.notes.NoteCounts;
import dk.hotline.outbox.OutboundTexts;
import dk.hotline.sms.InboundTexts;
import dk.hotline.voice.CallStats;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;

/** Gathers {@link StatsFigures} for a window from the features that own the numbers, each counted in SQL. */
final class StatsReport {
    private final CallStats calls;
    private final InboundTexts inbound;
    private final OutboundTexts outbound;
    private final Reminders reminders;
    private final NoteCounts notes;
    private final ZoneId zone;

    StatsReport(CallStats calls, InboundTexts inbound, OutboundTexts outbound, Reminders reminders, NoteCounts notes, ZoneId zone) {
        this.calls = calls;
        this.inbound = inbound;
        this.outbound = outbound;
        this.reminders = reminders;
        this.notes = notes;
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    StatsFigures figures(Instant from, Instant to) {
        var callWeeks = calls.weekly(from, to, zone);
        var textsIn = inbound.fromSurvivorsByWeek(from, to, zone);
        var textsOut = outbound.sentByWeek(from, to, zone);
        var sent = reminders.sentByWeek(from, to, zone);
        var weeks = new ArrayList<StatsFigures.Week>();
        LocalDate last = to.minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate monday = from.atZone(zone).toLocalDate().with(DayOfWeek.MONDAY); !monday.isAfter(last);
             monday = monday.plusWeeks(1)) {
            weeks.add(new StatsFigures.Week(monday, callWeeks.getOrDefault(monday, CallStats.CallFigures.NONE),
                    textsIn.getOrDefault(monday, 0L), textsOut.getOrDefault(monday, 0L), sent.getOrDefault(monday, 0L)));
        }
        // Notes are counted by local day: every day the window touches (the page's whole weeks exactly).
        var noteCounts = notes.between(from.atZone(zone).toLocalDate(), last);
        return new StatsFigures(from, to, calls.byHourOfWeek(from, to, zone), weeks, noteCounts);
    }
}
