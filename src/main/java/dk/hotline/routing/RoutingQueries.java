package dk.hotline.routing;

import dk.hotline.db.Jdbc;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The statements {@link Router} runs for every call it routes, in plain JDBC ({@link Jdbc}) and as
 * few round trips as the guarantees allow. Each reads call_offers through an index, so routing
 * costs the same with a year of offers behind it as with none.
 */
final class RoutingQueries {
    private RoutingQueries() {}

    /** Where a leader on call stands for one call: busy elsewhere, already rung for it, last offered a call when. */
    record Standing(boolean busy, boolean rung, Instant lastOffered) {}

    /**
     * Offers whose end Twilio never reported (a lost callback) would keep a leader busy forever;
     * ringing stops on its own within minutes, and no call lasts for days. The {@code state IN}
     * lets the planner read only the active offers (the one-per-leader index), not the history.
     */
    static int expireStale(Handle tx, Instant ringingBefore, Instant acceptedBefore, Instant now) {
        return Jdbc.update(tx, """
                UPDATE call_offers SET ended_at = ?, state = CASE WHEN state = 'accepted' THEN 'ended' ELSE 'missed' END
                WHERE state IN ('ringing', 'accepted')
                  AND ((state = 'ringing' AND offered_at < ?) OR (state = 'accepted' AND accepted_at < ?))""",
                now, ringingBefore, acceptedBefore);
    }

    /**
     * For each of {@code leaderIds}, in one statement: busy (being rung, on a call, or in wrap-up
     * after one ended since {@code wrapUpSince}), already rung for {@code callSid}, and when last
     * offered a call (kept per leader in call_offers_last by a trigger on call_offers).
     */
    static Map<Long, Standing> standing(Handle tx, long[] leaderIds, String callSid, Instant wrapUpSince) {
        var out = new HashMap<Long, Standing>();
        Jdbc.list(tx, """
                SELECT l.id,
                       EXISTS (SELECT 1 FROM call_offers o WHERE o.leader_id = l.id AND o.state IN ('ringing', 'accepted'))
                         OR EXISTS (SELECT 1 FROM call_offers o WHERE o.leader_id = l.id AND o.state = 'ended' AND o.ended_at > ?),
                       EXISTS (SELECT 1 FROM call_offers o WHERE o.call_sid = ? AND o.leader_id = l.id),
                       last.offered_at
                FROM unnest(?::bigint[]) AS l(id) LEFT JOIN call_offers_last last ON last.leader_id = l.id""",
                rs -> out.put(rs.getLong(1), new Standing(rs.getBoolean(2), rs.getBoolean(3), Jdbc.instant(rs, 4))),
                wrapUpSince, callSid, leaderIds);
        return out;
    }

    /** A leader this transaction locked, and its offer to them: none when their standing changed since it was read. */
    record Locked(long leaderId, Optional<Long> offerId) {}

    /**
     * Of {@code leaderIds}, in their order, the first {@code wanted} that no other transaction is
     * deciding about right now, each locked for the rest of this one (routing is serialised per
     * leader across instances), and an offer of the call to each: one statement, one round trip.
     * The array is read in order and the scan stops at the limit, so no leader further down is
     * locked. No offer is made to a leader who has an active offer (the unique index, which sees
     * every committed row, also one committed after this statement began) or whose call ended
     * since {@code wrapUpSince} (wrap-up), as another instance may have committed either since
     * {@link #standing} looked. The locks' holders before us only ever commit ringing offers to
     * the leaders they lock, which the unique index catches.
     */
    static List<Locked> lockAndOffer(Handle tx, long[] leaderIds, int wanted, String callSid, String kind, Instant now,
                                     Instant wrapUpSince) {
        return Jdbc.list(tx, """
                WITH locked AS (
                    SELECT c.id, c.n FROM unnest(?::bigint[]) WITH ORDINALITY AS c(id, n)
                    WHERE pg_try_advisory_xact_lock(7270002, CAST(c.id AS integer))
                    LIMIT ?),
                made AS (
                    INSERT INTO call_offers (call_sid, callback_request_id, leader_id, kind, state, offered_at)
                    SELECT ?, NULL, l.id, ?, 'ringing', ? FROM locked l
                    WHERE NOT EXISTS (SELECT 1 FROM call_offers o WHERE o.leader_id = l.id AND o.state = 'ended' AND o.ended_at > ?)
                    ORDER BY l.n
                    ON CONFLICT (leader_id) WHERE state IN ('ringing', 'accepted') DO NOTHING
                    RETURNING id, leader_id)
                SELECT l.id, m.id FROM locked l LEFT JOIN made m ON m.leader_id = l.id ORDER BY l.n""",
                rs -> new Locked(rs.getLong(1), Optional.ofNullable(Jdbc.nullableLong(rs, 2))),
                leaderIds, wanted, callSid, kind, now, wrapUpSince);
    }
}
