package dk.hotline.sms;

import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.DataSubject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Conversations as the console shows them: which wait for an answer. Never a number, never the words. */
public final class Conversations {
    /**
     * A conversation whose survivor has texted since a leader last answered: its K-number, since
     * when it waits, how many texts wait, and the leader who took it (none while untaken).
     */
    public record Unanswered(long id, Instant waitingSince, int texts, Optional<Long> leaderId) {
        public String tag() {
            return "K" + id;
        }
    }

    @RegisterConstructorMapper(Row.class)
    interface Dao {
        @SqlQuery("""
                SELECT c.id, min(m.created_at) AS waiting_since, count(*) AS texts, c.leader_id
                FROM conversations c JOIN conversation_messages m ON m.conversation_id = c.id AND m.direction = 'in'
                WHERE c.status = 'open' AND m.created_at >= :since
                  AND NOT EXISTS (SELECT 1 FROM conversation_messages o
                                  WHERE o.conversation_id = c.id AND o.direction = 'out' AND o.created_at >= m.created_at)
                  AND (:leader IS NULL OR c.leader_id = :leader
                       OR (c.leader_id IS NULL AND EXISTS (SELECT 1 FROM conversation_leaders l
                                                          WHERE l.conversation_id = c.id AND l.leader_id = :leader)))
                GROUP BY c.id, c.leader_id ORDER BY waiting_since""")
        List<Row> unanswered(@Bind("since") Instant since, @Bind("leader") Long offeredTo);

        @SqlQuery("SELECT id, leader_id FROM conversations WHERE id = :id")
        @RegisterConstructorMapper(Owner.class)
        Optional<Owner> owner(@Bind("id") long id);

        @SqlQuery("SELECT id, created_at FROM conversations WHERE leader_id = :leader AND created_at >= :since ORDER BY created_at DESC")
        @RegisterConstructorMapper(Taken.class)
        List<Taken> takenBy(@Bind("leader") long leaderId, @Bind("since") Instant since);
    }

    record Row(long id, Instant waitingSince, int texts, Long leaderId) {}

    record Owner(long id, Long leaderId) {}

    private final Jdbi jdbi;

    Conversations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Open conversations with texts since {@code since} that no leader has answered yet, longest
     * waiting first; with {@code offeredTo}, only those that leader may answer (took, or was sent while untaken).
     */
    public List<Unanswered> unanswered(Instant since, Optional<Long> offeredTo) {
        return jdbi.withExtension(Dao.class, dao -> dao.unanswered(since, offeredTo.orElse(null))).stream()
                .map(r -> new Unanswered(r.id(), r.waitingSince(), r.texts(), Optional.ofNullable(r.leaderId())))
                .toList();
    }

    /** A conversation a leader took: which, and when the survivor first texted. */
    public record Taken(long id, Instant createdAt) {
        public String tag() {
            return "K" + id;
        }
    }

    /** The leader who took the conversation, empty while none has; {@link NotFoundException} when there is no such conversation. */
    public Optional<Long> takenBy(long conversationId) {
        var owner = jdbi.withExtension(Dao.class, dao -> dao.owner(conversationId))
                .orElseThrow(() -> new NotFoundException("no such conversation"));
        return Optional.ofNullable(owner.leaderId());
    }

    /** The conversations {@code leaderId} took that began since {@code since}, newest first. */
    public List<Taken> takenBy(long leaderId, Instant since) {
        return jdbi.withExtension(Dao.class, dao -> dao.takenBy(leaderId, since));
    }

    /** A person's conversations, by id (what their notes are about). */
    public List<Long> idsWith(Handle tx, DataSubject subject) {
        return subject.bindIndexes(tx.createQuery("SELECT id FROM conversations WHERE survivor_index IN (<indexes>)"))
                .mapTo(Long.class).list();
    }
}
