package dk.hotline.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads of the outbox's texts for coordinators: never the body; of an error, only Twilio's code
 * (a coordinator can look it up; the stored description is for operators).
 */
@RegisterConstructorMapper(OutboundTextDao.Row.class)
interface OutboundTextDao {
    record Row(long id, Instant createdAt, String messageKind, byte[] recipientSealed, String status, String deliveryStatus,
               Integer errorCode) {}

    @SqlQuery("""
            SELECT id, created_at, message_kind, recipient_sealed, status, delivery_status, error_code FROM outbox
            WHERE kind = 'sms' AND created_at >= :from AND created_at < :to
            ORDER BY created_at, id""")
    List<Row> between(@Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("SELECT count(*) FROM outbox WHERE kind = 'sms' AND status = 'sent' AND created_at >= :from AND created_at < :to")
    long sentBetween(@Bind("from") Instant from, @Bind("to") Instant to);

    /** As {@link #sentBetween}, per ISO week of the zone (its Monday); only the weeks with a text. */
    @SqlQuery("""
            SELECT date_trunc('week', created_at AT TIME ZONE :zone)::date AS week, count(*) AS texts
            FROM outbox WHERE kind = 'sms' AND status = 'sent' AND created_at >= :from AND created_at < :to
            GROUP BY 1""")
    @KeyColumn("week")
    @ValueColumn("texts")
    Map<LocalDate, Long> sentByWeek(@Bind("from") Instant from, @Bind("to") Instant to, @Bind("zone") String zone);
}
