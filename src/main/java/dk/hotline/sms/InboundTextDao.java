package dk.hotline.sms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of sms_inbound for coordinators: what came in, never what it said. */
@RegisterConstructorMapper(InboundTextDao.Row.class)
interface InboundTextDao {
    /**
     * A text as received. {@code relayed} when it went into a conversation (then {@code forwardedAt}
     * says whether it reached a leader yet, and {@code survivorSealed} is the conversation's number,
     * NULL once retention erased it).
     */
    record Row(String messageSid, Instant receivedAt, boolean fromLeader, boolean relayed, Instant forwardedAt,
               byte[] survivorSealed) {}

    @SqlQuery("""
            SELECT i.message_sid, i.received_at, i.from_leader, m.id IS NOT NULL AS relayed, m.forwarded_at,
                   c.survivor_sealed
            FROM sms_inbound i
            LEFT JOIN conversation_messages m ON m.message_sid = i.message_sid AND m.direction = 'in'
            LEFT JOIN conversations c ON c.id = m.conversation_id
            WHERE i.received_at >= :from AND i.received_at < :to
            ORDER BY i.received_at, i.message_sid""")
    List<Row> between(@Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("SELECT count(*) FROM sms_inbound WHERE NOT from_leader AND received_at >= :from AND received_at < :to")
    long fromSurvivorsBetween(@Bind("from") Instant from, @Bind("to") Instant to);

    /** As {@link #fromSurvivorsBetween}, per ISO week of the zone (its Monday); only the weeks with a text. */
    @SqlQuery("""
            SELECT date_trunc('week', received_at AT TIME ZONE :zone)::date AS week, count(*) AS texts
            FROM sms_inbound WHERE NOT from_leader AND received_at >= :from AND received_at < :to
            GROUP BY 1""")
    @KeyColumn("week")
    @ValueColumn("texts")
    Map<LocalDate, Long> fromSurvivorsByWeek(@Bind("from") Instant from, @Bind("to") Instant to, @Bind("zone") String zone);
}
