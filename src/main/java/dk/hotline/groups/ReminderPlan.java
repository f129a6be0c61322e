package dk.hotline.groups;

import dk.hotline.common.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When each reminder for a session is due: the configured offsets before its start on the local
 * wall clock, moved earlier out of quiet hours. Pure, so the trigger that is scheduled and the job that fires agree on it.
 */
public final class ReminderPlan {
    private final List<Duration> offsets;
    private final Optional<QuietHours> quietHours;
    private final ZoneId zone;

    public ReminderPlan(List<Duration> offsets, Optional<QuietHours> quietHours, ZoneId zone) {
        this.offsets = offsets.stream().sorted().distinct().toList();
        this.quietHours = quietHours;
        this.zone = zone;
    }

    /** One reminder due at {@code due}, named by its offset. */
    public record Due(Duration offset, Instant due) {}

    /**
     * Every reminder of a session starting at {@code start}, earliest first. Two offsets that quiet
     * hours move to the same minute are one reminder (the shorter offset's), never two texts at once.
     */
    public List<Due> dues(Instant start) {
        var out = new ArrayList<Due>();
        for (Duration offset : offsets) {
            Instant due = before(start, offset);
            Instant moved = quietHours.map(q -> q.before(due, zone)).orElse(due);
            if (out.stream().noneMatch(d -> d.due().equals(moved))) {
                out.add(new Due(offset, moved));
            }
        }
        out.sort(Comparator.comparing(Due::due));
        return List.copyOf(out);
    }

    /**
     * Whole days count on the wall clock, the rest in real time: "24 hours before" a 17:00 session
     * is 17:00 the day before, also when a DST change lies in between (then it is 23 or 25 hours of
     * real time), while "2 hours before" is two real hours, also on the night of a change.
     */
    private Instant before(Instant start, Duration offset) {
        long days = offset.toDays();
        return start.atZone(zone).minusDays(days).toInstant().minus(offset.minusDays(days));
    }

    /**
     * The last moment a reminder due at {@code due} may still go: not once the session has begun,
     * and not into quiet hours. A text held up past it (retries, a backlog) is dropped, not sent late.
     */
    public Instant latest(Instant start, Instant due) {
        return quietHours.map(q -> q.nextStart(due, zone)).filter(q -> q.isBefore(start)).orElse(start);
    }

    /** Whether {@code t} is in quiet hours, when no reminder goes. */
    public boolean isQuiet(Instant t) {
        return quietHours.isPresent() && quietHours.get().contains(t, zone);
    }

    /** The reminder for this offset, if the plan has one (a merged or since removed offset has none). */
    public Optional<Due> due(Instant start, Duration offset) {
        return dues(start).stream().filter(d -> d.offset().equals(offset)).findFirst();
    }

    public List<Duration> offsets() {
        return offsets;
    }
}
