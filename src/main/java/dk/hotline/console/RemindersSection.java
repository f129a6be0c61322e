package dk.hotline.console;

import dk.hotline.web.Messages;
import gg.jte.Content;
import java.util.List;

/** Per week: reminder texts sent to group participants. */
final class RemindersSection implements StatsSection {
    @Override
    public String id() {
        return "reminders";
    }

    @Override
    public String titleKey() {
        return "stats.reminders.title";
    }

    @Override
    public String noteKey() {
        return "stats.reminders.note";
    }

    @Override
    public String emptyKey() {
        return "stats.reminders.empty";
    }

    @Override
    public boolean isEmpty(StatsFigures figures) {
        return figures.weeks().stream().allMatch(w -> w.remindersSent() == 0);
    }

    @Override
    public StatsTable table(StatsFigures figures, Messages t) {
        var rows = figures.weeks().stream().map(w -> List.of(w.code(), StatsFormat.count(w.remindersSent(), t))).toList();
        return new StatsTable(t.get("stats.reminders.caption"), List.of(t.get("stats.week"), t.get("stats.reminders.sent")), rows);
    }

    @Override
    public Content chart(StatsFigures figures, Messages t) {
        var weeks = figures.weeks();
        String desc = t.get("stats.reminders.desc", weeks.stream().mapToLong(StatsFigures.Week::remindersSent).sum());
        return new WeeklyChart(id(), 640, t.get("stats.reminders.title"), desc, weeks.stream().map(StatsFigures.Week::label).toList())
                .leftAxis(t.get("stats.reminders.axis"), null, v -> StatsFormat.count(Math.round(v), t))
                .bars(t.get("stats.reminders.sent"), weeks.stream().map(w -> (double) w.remindersSent()).toList(),
                        v -> StatsFormat.count(Math.round(v), t))
                .build();
    }
}
