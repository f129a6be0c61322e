package dk.hotline.sms;

import dk.hotline.privacy.BlindIndex;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Relayed conversations, their messages, and the leaders each was forwarded to. */
@RegisterConstructorMapper(ConversationDao.Row.class)
@RegisterConstructorMapper(ConversationDao.Waiting.class)
interface ConversationDao {
    record Row(long id, byte[] survivorSealed, Long leaderId, String status, boolean mediaNoticed, Instant autoRepliedAt) {}

    record Waiting(long id, long conversationId, byte[] bodySealed) {}

    @SqlUpdate("INSERT INTO sms_inbound (message_sid, from_leader, received_at) VALUES (:sid, :leader, :now) ON CONFLICT DO NOTHING")
    int firstTime(@Bind("sid") String messageSid, @Bind("leader") boolean fromLeader, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, survivor_sealed, leader_id, status, media_noticed, auto_replied_at FROM conversations
            WHERE survivor_index = ANY(:indexes) AND status = 'open' FOR UPDATE""")
    Optional<Row> openFor(@Bind("indexes") BlindIndex.Candidates survivorIndexes);

    @SqlQuery("""
            INSERT INTO conversations (survivor_sealed, survivor_index, created_at, last_activity_at)
            VALUES (:sealed, :index, :now, :now) RETURNING id, survivor_sealed, leader_id, status, media_noticed, auto_replied_at""")
    Row open(@Bind("sealed") byte[] survivorSealed, @Bind("index") byte[] survivorIndex, @Bind("now") Instant now);

    @SqlQuery("SELECT id, survivor_sealed, leader_id, status, media_noticed, auto_replied_at FROM conversations WHERE id = :id FOR UPDATE")
    Optional<Row> byId(@Bind("id") long id);

    @SqlQuery("""
            INSERT INTO conversation_messages (conversation_id, direction, body_sealed, leader_id, message_sid, created_at)
            VALUES (:conversation, :direction, :body, :leader, :sid, :now) RETURNING id""")
    long addMessage(@Bind("conversation") long conversationId, @Bind("direction") String direction,
                    @Bind("body") byte[] bodySealed, @Bind("leader") Long leaderId, @Bind("sid") String messageSid,
                    @Bind("now") Instant now);

    @SqlQuery("SELECT last_activity_at FROM conversations WHERE survivor_index = ANY(:indexes) AND status = 'open'")
    Optional<Instant> lastActivity(@Bind("indexes") BlindIndex.Candidates survivorIndexes);

    @SqlUpdate("UPDATE conversations SET last_activity_at = :now WHERE id = :id")
    int touch(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE conversation_messages SET forwarded_at = :now WHERE id = :id")
    int forwarded(@Bind("id") long messageId, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO conversation_leaders (conversation_id, leader_id) VALUES (:c, :l) ON CONFLICT DO NOTHING")
    int offeredTo(@Bind("c") long conversationId, @Bind("l") long leaderId);

    @SqlQuery("SELECT leader_id FROM conversation_leaders WHERE conversation_id = :c")
    List<Long> offeredLeaders(@Bind("c") long conversationId);

    /** Takes the conversation for this leader unless another leader took it first. */
    @SqlUpdate("UPDATE conversations SET leader_id = :leader WHERE id = :id AND leader_id IS NULL AND status = 'open'")
    int take(@Bind("id") long id, @Bind("leader") long leaderId);

    @SqlUpdate("UPDATE conversations SET leader_id = NULL WHERE id = :id")
    int release(@Bind("id") long id);

    @SqlUpdate("UPDATE conversations SET auto_replied_at = :now WHERE id = :id")
    int autoReplied(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE conversations SET media_noticed = TRUE WHERE id = :id")
    int mediaNoticed(@Bind("id") long id);

    @SqlUpdate("UPDATE conversations SET status = 'closed', closed_at = :now WHERE id = :id AND status = 'open'")
    int close(@Bind("id") long id, @Bind("now") Instant now);

    /** Open conversations this leader may answer with a plain text: taken by them, or offered and not taken. */
    @SqlQuery("""
            SELECT c.id FROM conversations c
            WHERE c.status = 'open' AND (c.leader_id = :leader OR (c.leader_id IS NULL AND EXISTS (
                SELECT 1 FROM conversation_leaders cl WHERE cl.conversation_id = c.id AND cl.leader_id = :leader)))""")
    List<Long> answerableBy(@Bind("leader") long leaderId);

    @SqlQuery("""
            SELECT m.id, m.conversation_id, m.body_sealed FROM conversation_messages m
            JOIN conversations c ON c.id = m.conversation_id
            WHERE m.direction = 'in' AND m.forwarded_at IS NULL AND c.status = 'open'
            ORDER BY m.id LIMIT 200 FOR UPDATE OF m SKIP LOCKED""")
    List<Waiting> waiting();

    /** Quiet conversations close, but never one holding a text that has not reached a leader yet. */
    @SqlUpdate("""
            UPDATE conversations SET status = 'closed', closed_at = :now
            WHERE status = 'open' AND last_activity_at < :idleSince
              AND NOT EXISTS (SELECT 1 FROM conversation_messages m
                              WHERE m.conversation_id = conversations.id AND m.direction = 'in' AND m.forwarded_at IS NULL)""")
    int closeIdle(@Bind("idleSince") Instant idleSince, @Bind("now") Instant now);
}
