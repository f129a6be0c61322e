package dk.hotline.rota;

import dk.hotline.common.Language;
import dk.hotline.db.Jdbc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Who is on call, for the rest of the service: routing asks who is on shift now, the fallback
 * asks when the line opens again, coordinators ask where nobody is. Only active, not deleted
 * leaders count; whether one is available or busy right now is routing's question, not the rota's.
 */
public final class Rota {
    private final Jdbi jdbi;

    public Rota(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Leaders with a shift covering {@code at} (start inclusive, end exclusive), by id. */
    public List<Long> leadersOnShift(Handle tx, Instant at) {
        return tx.attach(ShiftDao.class).onShift(at);
    }

    /**
     * The leaders on shift at {@code at} who take calls (active, marked available), by id, with
     * their phones still sealed: one statement, as it runs for every call routed. The shift as a
     * range ({@code [start, end)}, as elsewhere) so that the shifts_during index finds it (V35), and
     * those shifts found once, as an array: the leaders table is small and seldom analysed, and
     * without its statistics the planner took it for one row and searched the shifts again for
     * every leader (0.7 ms with 50 leaders on call, where once is 0.05 ms).
     */
    public List<OnCall> onCallNow(Handle tx, Instant at) {
        return Jdbc.list(tx, """
                SELECT l.id, l.name, l.languages, l.phone_sealed FROM leaders l
                WHERE l.id = ANY (ARRAY(SELECT s.leader_id FROM shifts s WHERE tstzrange(s.starts_at, s.ends_at) @> ?::timestamptz))
                  AND l.active AND l.available AND l.deleted_at IS NULL
                ORDER BY l.id""",
                rs -> new OnCall(rs.getLong(1), rs.getString(2),
                        Arrays.stream((String[]) rs.getArray(3).getArray()).map(Language::of).toList(), rs.getBytes(4)),
                at);
    }

    /** The earliest start of a shift strictly after {@code after}: "we open again at …". */
    public Optional<Instant> nextShiftStart(Handle tx, Instant after) {
        return tx.attach(ShiftDao.class).nextStart(after);
    }

    /** The maximal stretches of [from, to) with nobody on shift, in order. */
    public List<Gap> coverageGaps(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        var shifts = jdbi.withExtension(ShiftDao.class, dao -> dao.staffed(from, to));
        var gaps = new ArrayList<Gap>();
        Instant coveredUntil = from;
        // Shifts come by start, so anything before the next start not yet covered is a hole.
        for (Shift s : shifts) {
            if (s.start().isAfter(coveredUntil)) {
                gaps.add(new Gap(coveredUntil, s.start()));
            }
            if (s.end().isAfter(coveredUntil)) {
                coveredUntil = s.end();
            }
        }
        if (coveredUntil.isBefore(to)) {
            gaps.add(new Gap(coveredUntil, to));
        }
        return gaps;
    }
}
