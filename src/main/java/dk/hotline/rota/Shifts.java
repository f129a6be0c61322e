package dk.hotline.rota;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Single shifts as coordinators plan them: list, add, remove. */
public final class Shifts {
    private static final Logger log = LoggerFactory.getLogger(Shifts.class);
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final Jdbi jdbi;
    private final Clock clock;

    public Shifts(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Shifts that overlap [from, to), by start. */
    public List<Shift> overlapping(Instant from, Instant to) {
        return jdbi.withExtension(ShiftDao.class, dao -> dao.overlapping(from, to));
    }

    public Shift create(ShiftInput in) {
        if (in.leaderId() == null) {
            throw new InvalidInputException("leaderId", "required");
        }
        long leaderId = in.leaderId();
        Instant start = TimeInput.instant("start", in.start());
        Instant end = TimeInput.instant("end", in.end());
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end", "must be after start");
        }
        Shift shift = jdbi.inTransaction(tx -> {
            var dao = tx.attach(ShiftDao.class);
            String name = dao.leaderName(leaderId).orElseThrow(() -> new InvalidInputException("leaderId", "no such leader"));
            try {
                return new Shift(dao.insert(leaderId, start, end, clock.instant()), leaderId, name, start, end);
            } catch (UnableToExecuteStatementException e) {
                if (e.getCause() instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                    throw new ConflictException("start", "this leader already has a shift at that time");
                }
                throw e;
            }
        });
        log.info("event=rota.shift_created shift={} leader={}", shift.id(), leaderId);
        return shift;
    }

    public boolean delete(long id) {
        boolean deleted = jdbi.withExtension(ShiftDao.class, dao -> dao.delete(id)) > 0;
        if (deleted) {
            log.info("event=rota.shift_deleted shift={}", id);
        }
        return deleted;
    }
}
