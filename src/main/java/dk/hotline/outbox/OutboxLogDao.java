package dk.hotline.outbox;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads of the outbox for the console: never the words, never the stored error description (it is
 * for operators and may quote Twilio's message); a cancellation's reason only as one of the fixed
 * reasons {@link OutboxDao} writes.
 */
@RegisterConstructorMapper(OutboxLogDao.Row.class)
interface OutboxLogDao {
    record Row(long id, String messageKind, byte[] recipientSealed, String state, int attempts, Instant createdAt,
               Instant notBefore, Instant sentAt, String deliveryStatus, Integer errorCode, String cancelReason,
               String dedupeKey) {}

    /** Each row with its {@link OutboxState} code ({@code state}) and, when cancelled, why ({@code cancel_reason}). */
    String ROWS = """
            SELECT id, message_kind, recipient_sealed, attempts, created_at, not_before, sent_at, delivery_status,
                   error_code, dedupe_key,
                   CASE WHEN status = 'pending' THEN 'queued'
                        WHEN status IN ('sending', 'failed', 'cancelled') THEN status
                        WHEN delivery_status IN ('delivered', 'read', 'completed') THEN 'delivered'
                        WHEN delivery_status IN ('undelivered', 'failed', 'busy', 'no-answer', 'canceled') THEN 'failed'
                        WHEN delivery_status = 'dry-run' THEN 'dry-run'
                        ELSE 'sent' END AS state,
                   CASE WHEN status != 'cancelled' THEN NULL
                        WHEN error = 'recipient opted out' THEN 'opted-out'
                        WHEN error = 'too late' THEN 'too-late'
                        ELSE 'other' END AS cancel_reason
            FROM outbox""";

    String FILTER = """
            WHERE (CAST(:state AS TEXT) IS NULL OR state = :state)
              AND (CAST(:kind AS TEXT) IS NULL OR message_kind = :kind)""";

    /** Newest first (ids grow as rows are queued), one page. */
    @SqlQuery("SELECT * FROM (" + ROWS + ") o " + FILTER + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
    List<Row> page(@Bind("state") String state, @Bind("kind") String kind, @Bind("offset") int offset,
                   @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM (" + ROWS + ") o " + FILTER)
    long count(@Bind("state") String state, @Bind("kind") String kind);

    /** The rows of these dedupe keys (through its unique index), in the order they were queued. */
    @SqlQuery("SELECT * FROM (" + ROWS + " WHERE dedupe_key = ANY(:keys)) o ORDER BY id")
    List<Row> byKeys(@Bind("keys") String[] dedupeKeys);
}
