package dk.hotline.notes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The notes and their links to categories. */
@RegisterConstructorMapper(NoteDao.Row.class)
@RegisterConstructorMapper(NoteDao.Link.class)
interface NoteDao {
    record Row(long id, long leaderId, String callSid, Long conversationId, byte[] bodySealed, Instant createdAt,
               Instant updatedAt) {}

    record Link(long noteId, long categoryId) {}

    String COLUMNS = "id, leader_id, call_sid, conversation_id, body_sealed, created_at, updated_at";

    /** The new note's id; empty when the call or conversation has one already (a unique index says so). */
    @SqlQuery("""
            INSERT INTO notes (leader_id, call_sid, conversation_id, body_sealed, created_at, updated_at)
            VALUES (:leader, :call, :conversation, :body, :now, :now)
            ON CONFLICT DO NOTHING RETURNING id""")
    Optional<Long> insert(@Bind("leader") long leaderId, @Bind("call") String callSid, @Bind("conversation") Long conversationId,
                          @Bind("body") byte[] bodySealed, @Bind("now") Instant now);

    @SqlUpdate("UPDATE notes SET body_sealed = :body, updated_at = :now WHERE id = :id")
    int updateBody(@Bind("id") long id, @Bind("body") byte[] bodySealed, @Bind("now") Instant now);

    @SqlUpdate("UPDATE notes SET updated_at = :now WHERE id = :id")
    int touch(@Bind("id") long id, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM notes WHERE id = :id")
    Optional<Row> byId(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM notes WHERE call_sid = :callSid OR conversation_id = :conversationId")
    Optional<Row> about(@Bind("callSid") String callSid, @Bind("conversationId") Long conversationId);

    @SqlQuery("SELECT " + COLUMNS + " FROM notes WHERE id = :id FOR UPDATE")
    Optional<Row> lock(@Bind("id") long id);

    /** Newest first; null filters are no filter. */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM notes n
            WHERE (CAST(:leader AS BIGINT) IS NULL OR n.leader_id = :leader)
              AND (CAST(:category AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM note_category_links l
                                                                WHERE l.note_id = n.id AND l.category_id = :category))
            ORDER BY n.created_at DESC, n.id DESC LIMIT :limit""")
    List<Row> list(@Bind("leader") Long leaderId, @Bind("category") Long categoryId, @Bind("limit") int limit);

    @SqlQuery("SELECT call_sid FROM notes WHERE call_sid = ANY(:sids)")
    List<String> notedCalls(@Bind("sids") String[] callSids);

    @SqlQuery("SELECT conversation_id FROM notes WHERE conversation_id = ANY(:ids)")
    List<Long> notedConversations(@Bind("ids") long[] conversationIds);

    @SqlQuery("""
            SELECT l.note_id, l.category_id FROM note_category_links l JOIN note_categories c ON c.id = l.category_id
            WHERE l.note_id = ANY(:ids) ORDER BY c.position, c.id""")
    List<Link> links(@Bind("ids") long[] noteIds);

    @SqlUpdate("DELETE FROM note_category_links WHERE note_id = :id")
    int unlinkAll(@Bind("id") long noteId);

    @SqlUpdate("INSERT INTO note_category_links (note_id, category_id) SELECT :note, unnest(:categories)")
    int link(@Bind("note") long noteId, @Bind("categories") long[] categoryIds);
}
