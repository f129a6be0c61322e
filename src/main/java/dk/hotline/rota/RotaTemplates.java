package dk.hotline.rota;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.Audited;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weekly templates and the concrete shifts they make some weeks ahead, in the rota's zone.
 * Making shifts is idempotent and safe to run from several instances at once.
 */
public final class RotaTemplates {
    public static final int DEFAULT_WEEKS = 6;
    private static final Logger log = LoggerFactory.getLogger(RotaTemplates.class);

    private final Jdbi jdbi;
    private final ZoneId zone;
    private final Clock clock;

    public RotaTemplates(Jdbi jdbi, ZoneId zone, Clock clock) {
        this.jdbi = jdbi;
        this.zone = zone;
        this.clock = clock;
    }

    public List<ShiftTemplate> active() {
        return jdbi.withExtension(ShiftTemplateDao.class, dao -> dao.active().stream().map(ShiftTemplateDao.Row::template).toList());
    }

    /** Stores the template and makes its shifts for the coming weeks at once, in one transaction. */
    public ShiftTemplate create(ShiftTemplateInput in) {
        return create(in, Audited.none());
    }

    /** As {@link #create(ShiftTemplateInput)}; {@code audited} writes the act's audit row in the same transaction. */
    public ShiftTemplate create(ShiftTemplateInput in, Audited<ShiftTemplate> audited) {
        if (in.leaderId() == null) {
            throw new InvalidInputException("leaderId", "required");
        }
        long leaderId = in.leaderId();
        DayOfWeek weekday = TimeInput.weekday("weekday", in.weekday());
        LocalTime start = TimeInput.localTime("start", in.start());
        LocalTime end = TimeInput.localTime("end", in.end());
        if (end.equals(start)) {
            throw new InvalidInputException("end", "must differ from start (an earlier end means overnight)");
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(tx -> {
            String name = tx.attach(ShiftDao.class).leaderName(leaderId)
                    .orElseThrow(() -> new InvalidInputException("leaderId", "no such leader"));
            var dao = tx.attach(ShiftTemplateDao.class);
            // One leader's templates one at a time: two requests at once cannot both miss the other.
            dao.lockLeader(leaderId);
            var wanted = new ShiftTemplate(0, leaderId, name, weekday, start, end);
            // An overlapping template made no shifts (the exclusion constraint skips them) yet was answered 201.
            if (dao.active().stream().map(ShiftTemplateDao.Row::template)
                    .anyMatch(t -> t.leaderId() == leaderId && t.overlaps(wanted))) {
                throw new ConflictException("start", "this leader already has a weekly template at that time");
            }
            long id = dao.insert(leaderId, weekday.getValue(), start, end, now);
            int shifts = extend(tx, id, now, DEFAULT_WEEKS);
            log.info("event=rota.template_created template={} leader={} shifts={}", id, leaderId, shifts);
            var made = new ShiftTemplate(id, leaderId, name, weekday, start, end);
            audited.write(tx, made);
            return made;
        });
    }

    /** Stops the template and removes its shifts that have not started. False if there is none in use. */
    public boolean delete(long id) {
        return delete(id, Audited.none());
    }

    /** As {@link #delete(long)}; {@code audited} writes the act's audit row in the same transaction. */
    public boolean delete(long id, Audited<Long> audited) {
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(ShiftTemplateDao.class);
            if (dao.deactivate(id) == 0) {
                return false;
            }
            int removed = dao.deleteFutureShifts(id, clock.instant());
            log.info("event=rota.template_deleted template={} shifts_removed={}", id, removed);
            audited.write(tx, id);
            return true;
        });
    }

    /** {@link #extend(Instant, int)} from now, {@link #DEFAULT_WEEKS} ahead: what the daily job runs. */
    public int extendAhead() {
        return extend(clock.instant(), DEFAULT_WEEKS);
    }

    /**
     * Makes each active template's shifts that start after {@code now} and within {@code weeks}
     * weeks of it. Existing, removed and overlapping occurrences are left alone. Answers how many
     * shifts it made.
     */
    public int extend(Instant now, int weeks) {
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be at least 1");
        }
        int made = 0;
        List<ShiftTemplateDao.Row> templates = jdbi.withExtension(ShiftTemplateDao.class, ShiftTemplateDao::active);
        // One short transaction per template keeps locks brief while calls are being routed.
        for (var t : templates) {
            made += jdbi.inTransaction(tx -> extend(tx, t.id(), now, weeks));
        }
        log.info("event=rota.extended templates={} shifts={} weeks={}", templates.size(), made, weeks);
        return made;
    }

    private int extend(Handle tx, long templateId, Instant now, int weeks) {
        var dao = tx.attach(ShiftTemplateDao.class);
        var found = dao.lockActive(templateId);
        if (found.isEmpty()) {
            return 0;
        }
        ShiftTemplate t = found.get().template();
        ZonedDateTime local = now.atZone(zone);
        Instant horizon = local.plusWeeks(weeks).toInstant();
        int made = 0;
        for (LocalDate date = local.toLocalDate().with(TemporalAdjusters.nextOrSame(t.weekday())); ; date = date.plusWeeks(1)) {
            Instant start = t.startOn(date, zone);
            if (!start.isBefore(horizon)) {
                return made;
            }
            Instant end = t.endOn(date, zone);
            // A shift under way is not added behind a leader's back. A start inside the hour the
            // clocks skip moves an hour on, which can leave a short template no length that night.
            if (start.isAfter(now) && end.isAfter(start)) {
                made += dao.insertShift(t.id(), t.leaderId(), start, end, now);
            }
        }
    }
}
