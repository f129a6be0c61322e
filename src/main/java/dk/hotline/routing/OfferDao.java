package dk.hotline.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The call_offers table: which leader's phone rings, rang or is connected, for which call or
 * callback request. States and kinds are the codes of {@link OfferState} and {@link OfferKind}.
 */
@RegisterConstructorMapper(OfferDao.Row.class)
interface OfferDao {
    record Row(long id, String callSid, Long callbackRequestId, long leaderId, String kind, String state) {}

    /** The new offer's id, or nothing when the leader has an active offer already (unique index). */
    @SqlQuery("""
            INSERT INTO call_offers (call_sid, callback_request_id, leader_id, kind, state, offered_at)
            VALUES (:callSid, :callbackRequestId, :leaderId, :kind, 'ringing', :now)
            ON CONFLICT (leader_id) WHERE state IN ('ringing', 'accepted') DO NOTHING
            RETURNING id""")
    Optional<Long> insert(@Bind("callSid") String callSid, @Bind("callbackRequestId") Long callbackRequestId,
                          @Bind("leaderId") long leaderId, @Bind("kind") String kind, @Bind("now") Instant now);

    @SqlQuery("SELECT id, call_sid, callback_request_id, leader_id, kind, state FROM call_offers WHERE id = :id")
    Optional<Row> byId(@Bind("id") long id);

    @SqlQuery("""
            SELECT id, call_sid, callback_request_id, leader_id, kind, state FROM call_offers
            WHERE call_sid = :callSid ORDER BY id""")
    List<Row> forCall(@Bind("callSid") String callSid);

    @SqlQuery("""
            SELECT id, call_sid, callback_request_id, leader_id, kind, state FROM call_offers
            WHERE callback_request_id = :requestId ORDER BY id""")
    List<Row> forCallback(@Bind("requestId") long requestId);

    @SqlQuery("""
            SELECT id, call_sid, callback_request_id, leader_id, kind, state FROM call_offers
            WHERE call_sid = ANY(:callSids) ORDER BY id""")
    List<Row> forCalls(@Bind("callSids") String[] callSids);

    @SqlQuery("""
            SELECT id, call_sid, callback_request_id, leader_id, kind, state FROM call_offers
            WHERE callback_request_id = ANY(:requestIds) ORDER BY id""")
    List<Row> forCallbacks(@Bind("requestIds") long[] requestIds);

    @SqlQuery("SELECT DISTINCT callback_request_id FROM call_offers WHERE leader_id = :leaderId AND callback_request_id IS NOT NULL")
    List<Long> callbacksOfferedTo(@Bind("leaderId") long leaderId);

    /** Takes the call (or callback) for this offer unless another offer for the same one took it first. */
    @SqlUpdate("""
            UPDATE call_offers SET state = 'accepted', accepted_at = :now
            WHERE id = :id AND state = 'ringing'
              AND NOT EXISTS (SELECT 1 FROM call_offers o
                              WHERE (o.call_sid = call_offers.call_sid OR o.callback_request_id = call_offers.callback_request_id)
                                AND o.state = 'accepted')""")
    int accept(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE call_offers SET state = 'declined', ended_at = :now WHERE id = :id AND state = 'ringing'")
    int decline(@Bind("id") long id, @Bind("now") Instant now);

    /** Other phones still ringing for a call that was just taken stop counting as busy at once. */
    @SqlUpdate("UPDATE call_offers SET state = 'missed', ended_at = :now WHERE call_sid = :callSid AND state = 'ringing' AND id <> :except")
    int missOthers(@Bind("callSid") String callSid, @Bind("except") long exceptId, @Bind("now") Instant now);

    /** The call is over: ringing phones were missed, the connected leader's wrap-up starts now. */
    @SqlUpdate("""
            UPDATE call_offers SET ended_at = :now,
                                   state = CASE WHEN state = 'accepted' THEN 'ended' ELSE 'missed' END
            WHERE call_sid = :callSid AND state IN ('ringing', 'accepted')""")
    int closeCall(@Bind("callSid") String callSid, @Bind("now") Instant now);

    /** The callback attempt is over, as {@link #closeCall} for a call. */
    @SqlUpdate("""
            UPDATE call_offers SET ended_at = :now,
                                   state = CASE WHEN state = 'accepted' THEN 'ended' ELSE 'missed' END
            WHERE callback_request_id = :requestId AND state IN ('ringing', 'accepted')""")
    int closeCallback(@Bind("requestId") long requestId, @Bind("now") Instant now);

    /** An offer made by calling the leader: its outbox row, whose status callbacks release the leader. */
    @SqlUpdate("UPDATE call_offers SET outbox_id = :outboxId WHERE id = :id")
    int linkOutbox(@Bind("id") long id, @Bind("outboxId") long outboxId);

    /** A queue offer is made for the head of the queue; it belongs to whoever Twilio connects. */
    @SqlUpdate("UPDATE call_offers SET call_sid = :callSid WHERE id = :id")
    int reassign(@Bind("id") long id, @Bind("callSid") String callSid);

    /** The outbound call to the leader is over: a ringing offer was missed, a talk ended. */
    @SqlUpdate("""
            UPDATE call_offers SET ended_at = :now, state = CASE WHEN state = 'accepted' THEN 'ended' ELSE 'missed' END
            WHERE outbox_id = :outboxId AND state IN ('ringing', 'accepted')""")
    int closeForOutbox(@Bind("outboxId") long outboxId, @Bind("now") Instant now);
}
