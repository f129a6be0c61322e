package dk.hotline.sms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of conversations for the console: counts and times, the sealed number to mask, the sealed words to measure. */
@RegisterConstructorMapper(ConversationLogDao.Summary.class)
@RegisterConstructorMapper(ConversationLogDao.Message.class)
interface ConversationLogDao {
    record Summary(long id, Instant createdAt, String status, Instant closedAt, byte[] survivorSealed, Long leaderId,
                   Instant lastActivityAt, int textsIn, int textsOut, boolean awaitingAnswer) {}

    record Message(long id, String direction, byte[] bodySealed, Long leaderId, Instant createdAt, Instant forwardedAt) {}

    /**
     * A conversation waits for an answer while it is open and a text came in after the last
     * answer went out (the same rule as {@link Conversations#unanswered}).
     */
    String SUMMARY = """
            SELECT c.id, c.created_at, c.status, c.closed_at, c.survivor_sealed, c.leader_id, c.last_activity_at,
                   (SELECT count(*) FROM conversation_messages m WHERE m.conversation_id = c.id AND m.direction = 'in') AS texts_in,
                   (SELECT count(*) FROM conversation_messages m WHERE m.conversation_id = c.id AND m.direction = 'out') AS texts_out,
                   c.status = 'open' AND EXISTS (
                       SELECT 1 FROM conversation_messages m WHERE m.conversation_id = c.id AND m.direction = 'in'
                         AND NOT EXISTS (SELECT 1 FROM conversation_messages o WHERE o.conversation_id = c.id
                                         AND o.direction = 'out' AND o.created_at >= m.created_at)) AS awaiting_answer
            FROM conversations c""";

    /**
     * Of one state, active in {@code [from, to)} (opened before its end, last text after its start),
     * and, for a leader, offered to them (or taken by them).
     */
    String FILTER = """
            WHERE (CAST(:state AS TEXT) IS NULL OR c.status = :state)
              AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR c.last_activity_at >= :from)
              AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR c.created_at < :to)
              AND (CAST(:leader AS BIGINT) IS NULL OR c.leader_id = :leader
                   OR EXISTS (SELECT 1 FROM conversation_leaders l WHERE l.conversation_id = c.id AND l.leader_id = :leader))""";

    @SqlQuery(SUMMARY + " " + FILTER + " ORDER BY c.last_activity_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
    List<Summary> page(@Bind("state") String state, @Bind("from") Instant from, @Bind("to") Instant to,
                       @Bind("leader") Long leaderId, @Bind("offset") int offset, @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM conversations c " + FILTER)
    long count(@Bind("state") String state, @Bind("from") Instant from, @Bind("to") Instant to, @Bind("leader") Long leaderId);

    @SqlQuery(SUMMARY + " WHERE c.id = :id")
    Optional<Summary> byId(@Bind("id") long id);

    @SqlQuery("""
            SELECT id, direction, body_sealed, leader_id, created_at, forwarded_at FROM conversation_messages
            WHERE conversation_id = :id ORDER BY created_at, id""")
    List<Message> messages(@Bind("id") long conversationId);

    @SqlQuery("SELECT leader_id FROM conversation_leaders WHERE conversation_id = :id ORDER BY leader_id")
    List<Long> offeredTo(@Bind("id") long conversationId);
}
