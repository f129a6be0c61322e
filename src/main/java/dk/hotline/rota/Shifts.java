package dk.hotline.rota;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.Audited;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Single shifts as coordinators plan them: list, add, move or hand over, remove. */
public final class Shifts {
    private static final Logger log = LoggerFactory.getLogger(Shifts.class);
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final Jdbi jdbi;
    private final RotaLimits limits;
    private final Clock clock;

    public Shifts(Jdbi jdbi, RotaLimits limits, Clock clock) {
        this.jdbi = jdbi;
        this.limits = limits;
        this.clock = clock;
    }

    /** Shifts that overlap [from, to), by start. */
    public List<Shift> overlapping(Instant from, Instant to) {
        return jdbi.withExtension(ShiftDao.class, dao -> dao.overlapping(from, to));
    }

    public Shift create(ShiftInput in) {
        return create(in, Audited.none());
    }

    /** Adds a shift; {@code audited} writes the act's audit row in the same transaction. */
    public Shift create(ShiftInput in, Audited<Shift> audited) {
        if (in.leaderId() == null) {
            throw new InvalidInputException("leaderId", "required");
        }
        long leaderId = in.leaderId();
        Instant start = TimeInput.instant("start", in.start());
        Instant end = TimeInput.instant("end", in.end());
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end", "must be after start");
        }
        limits.checkShift(start, end, clock.instant());
        Shift shift = jdbi.inTransaction(tx -> {
            var dao = tx.attach(ShiftDao.class);
            String name = dao.leaderName(leaderId).orElseThrow(() -> new InvalidInputException("leaderId", "no such leader"));
            var made = new Shift(exclusive("start", () -> dao.insert(leaderId, start, end, clock.instant())), leaderId, name, start,
                    end);
            audited.write(tx, made);
            return made;
        });
        log.info("event=rota.shift_created shift={} leader={}", shift.id(), leaderId);
        return shift;
    }

    /**
     * Moves a shift (new {@code start} and {@code end}) or hands it over (another {@code leaderId}),
     * or both: the fields given change, those left null stay. The same checks as {@link #create}:
     * the end after the start, a leader who exists, and no overlap with another shift of that
     * leader (409; on {@code start} when the times changed, else on {@code leaderId}).
     */
    public Shift change(long id, ShiftInput in) {
        return change(id, in, Audited.none());
    }

    /** As {@link #change(long, ShiftInput)}; {@code audited} writes the change's audit row with it. */
    public Shift change(long id, ShiftInput in, Audited<Shift> audited) {
        Instant newStart = in.start() == null ? null : TimeInput.instant("start", in.start());
        Instant newEnd = in.end() == null ? null : TimeInput.instant("end", in.end());
        Shift shift = jdbi.inTransaction(tx -> {
            var dao = tx.attach(ShiftDao.class);
            Shift old = dao.lock(id).orElseThrow(() -> new NotFoundException("no such shift"));
            long leaderId = in.leaderId() == null ? old.leaderId() : in.leaderId();
            Instant start = newStart == null ? old.start() : newStart;
            Instant end = newEnd == null ? old.end() : newEnd;
            if (!end.isAfter(start)) {
                throw new InvalidInputException("end", "must be after start");
            }
            String name = leaderId == old.leaderId() ? old.leaderName()
                    : dao.leaderName(leaderId).orElseThrow(() -> new InvalidInputException("leaderId", "no such leader"));
            boolean moved = !start.equals(old.start()) || !end.equals(old.end());
            if (moved) {
                // A shift handed over as it is keeps its times, however long ago it began.
                limits.checkShift(start, end, clock.instant());
            }
            exclusive(moved ? "start" : "leaderId", () -> dao.change(id, leaderId, start, end));
            var changed = new Shift(id, leaderId, name, start, end);
            audited.write(tx, changed);
            return changed;
        });
        log.info("event=rota.shift_changed shift={} leader={}", id, shift.leaderId());
        return shift;
    }

    /** A write the exclusion constraint may refuse: one leader, one shift at a time (409 on {@code field}). */
    private static <T> T exclusive(String field, Supplier<T> write) {
        try {
            return write.get();
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                throw new ConflictException(field, "this leader already has a shift at that time");
            }
            throw e;
        }
    }

    public boolean delete(long id) {
        return delete(id, Audited.none());
    }

    /** Removes a shift; {@code audited} writes the act's audit row in the same transaction. False if there was none. */
    public boolean delete(long id, Audited<Long> audited) {
        boolean deleted = jdbi.inTransaction(tx -> {
            if (tx.attach(ShiftDao.class).delete(id) == 0) {
                return false;
            }
            audited.write(tx, id);
            return true;
        });
        if (deleted) {
            log.info("event=rota.shift_deleted shift={}", id);
        }
        return deleted;
    }
}
