package dk.hotline.sms;

import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.DataSubject;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.SubjectErasure;
import dk.hotline.privacy.SubjectExport;
import dk.hotline.privacy.SubjectRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The texts' part of a data subject's requests: their relayed conversations (who took each, the
 * texts both ways; the words only when asked) and whether their number is blocked. Erasing closes
 * an open conversation and makes each forget its texter and every word in it (the copies relayed to
 * leaders too, which the outbox keeps under the leader's number), so a text from the number starts
 * a new conversation; the rows stay as counts. A block stays, and the answer says so: it keeps
 * someone who harassed the line off it, and an erasure request must not be the way back on. The
 * rate limit's counts go.
 */
final class TextSubjectRecords implements SubjectRecords {
    private final PersonalDataCipher cipher;
    private final Outbox outbox;
    private final Clock clock;

    TextSubjectRecords(PersonalDataCipher cipher, Outbox outbox, Clock clock) {
        this.cipher = cipher;
        this.outbox = outbox;
        this.clock = clock;
    }

    record Conversation(long id, String tag, Instant openedAt, String state, Instant closedAt, Long leaderId,
                        List<Long> offeredTo, List<Text> texts) {}

    /** One text of a conversation; {@code words} only when asked for, {@code wordsKept} whether there are any still. */
    record Text(long id, Instant at, String direction, Long leaderId, boolean wordsKept, String words) {}

    record Block(boolean blocked, Instant since, String reason) {}

    @Override
    public Set<String> tables() {
        return Set.of("conversations", "conversation_messages", "conversation_leaders", "sms_blocklist", "sms_inbound_counts");
    }

    @Override
    public void find(Handle tx, DataSubject subject, SubjectExport export) {
        List<Conversation> conversations = subject.bindIndexes(tx.createQuery("""
                SELECT id, created_at, status, closed_at, leader_id FROM conversations
                WHERE survivor_index IN (<indexes>) ORDER BY created_at, id"""))
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    return new Conversation(id, "K" + id, instant(rs, "created_at"), rs.getString("status"),
                            instant(rs, "closed_at"), (Long) rs.getObject("leader_id"), offeredTo(tx, id), texts(tx, id, export.words()));
                })
                .list();
        export.add("conversations", conversations);
        conversations.forEach(c -> {
            export.leaders(c.offeredTo());
            export.leaders(java.util.Arrays.asList(c.leaderId()));
            export.leaders(c.texts().stream().map(Text::leaderId).toList());
        });
        Block block = subject.bindIndexes(tx.createQuery("""
                SELECT created_at, reason FROM sms_blocklist WHERE phone_index IN (<indexes>) ORDER BY created_at LIMIT 1"""))
                .map((rs, ctx) -> new Block(true, instant(rs, "created_at"), rs.getString("reason")))
                .findOne().orElse(new Block(false, null, null));
        export.state("blocklist", block);
    }

    private static List<Long> offeredTo(Handle tx, long conversationId) {
        return tx.createQuery("SELECT leader_id FROM conversation_leaders WHERE conversation_id = :id ORDER BY leader_id")
                .bind("id", conversationId).mapTo(Long.class).list();
    }

    private List<Text> texts(Handle tx, long conversationId, boolean words) {
        return tx.createQuery("""
                SELECT id, created_at, direction, leader_id, body_sealed FROM conversation_messages
                WHERE conversation_id = :id ORDER BY created_at, id""")
                .bind("id", conversationId)
                .map((rs, ctx) -> {
                    byte[] body = rs.getBytes("body_sealed");
                    return new Text(rs.getLong("id"), instant(rs, "created_at"), rs.getString("direction"),
                            (Long) rs.getObject("leader_id"), body != null, words && body != null ? cipher.open(body) : null);
                })
                .list();
    }

    @Override
    public void erase(Handle tx, DataSubject subject, SubjectErasure erasure) {
        List<Long> ids = subject.bindIndexes(tx.createQuery("SELECT id FROM conversations WHERE survivor_index IN (<indexes>)"))
                .mapTo(Long.class).list();
        List<Long> received = tx.createQuery("""
                SELECT id FROM conversation_messages WHERE conversation_id = ANY(:ids) AND direction = 'in'""")
                .bindArray("ids", Long.class, ids).mapTo(Long.class).list();
        for (long messageId : received) {
            outbox.forgetWords(tx, MessageKind.RELAY_IN, messageId + ":");
        }
        int texts = tx.createUpdate("UPDATE conversation_messages SET body_sealed = NULL WHERE conversation_id = ANY(:ids)")
                .bindArray("ids", Long.class, ids).execute();
        int conversations = tx.createUpdate("""
                UPDATE conversations SET survivor_sealed = NULL, survivor_index = NULL,
                       status = 'closed', closed_at = COALESCE(closed_at, :now)
                WHERE id = ANY(:ids)""")
                .bindArray("ids", Long.class, ids).bind("now", clock.instant()).execute();
        erasure.erased("conversations", conversations);
        erasure.erased("texts", texts);
        if (subject.bindIndexes(tx.createQuery("SELECT EXISTS (SELECT 1 FROM sms_blocklist WHERE phone_index IN (<indexes>))"))
                .mapTo(Boolean.class).one()) {
            erasure.kept("blocklist");
        }
        subject.bindIndexes(tx.createUpdate("DELETE FROM sms_inbound_counts WHERE phone_index IN (<indexes>)")).execute();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant)
                .orElse(null);
    }
}
