package dk.hotline.notes;

import dk.hotline.privacy.DataSubject;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.SubjectErasure;
import dk.hotline.privacy.SubjectExport;
import dk.hotline.privacy.SubjectRecords;
import dk.hotline.sms.Conversations;
import dk.hotline.voice.CallRecords;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The notes' part of a data subject's requests: the notes on their calls and conversations (who
 * wrote each, when, its categories; the words only when asked), found by asking {@code voice} and
 * {@code sms} which calls and conversations are theirs. Erasing deletes those notes, words and
 * category links together. It must run before the calls and conversations forget the number, or
 * it could no longer find them.
 */
final class NoteSubjectRecords implements SubjectRecords {
    private final CallRecords calls;
    private final Conversations conversations;
    private final PersonalDataCipher cipher;

    NoteSubjectRecords(CallRecords calls, Conversations conversations, PersonalDataCipher cipher) {
        this.calls = calls;
        this.conversations = conversations;
        this.cipher = cipher;
    }

    record SubjectNote(long id, String callSid, Long conversationId, long leaderId, Instant createdAt, Instant updatedAt,
                       List<Long> categoryIds, String words) {}

    @Override
    public Set<String> tables() {
        return Set.of("notes", "note_category_links");
    }

    @Override
    public void find(Handle tx, DataSubject subject, SubjectExport export) {
        List<SubjectNote> notes = tx.createQuery("""
                SELECT id, call_sid, conversation_id, leader_id, created_at, updated_at, body_sealed FROM notes
                WHERE call_sid = ANY(:sids) OR conversation_id = ANY(:ids) ORDER BY created_at, id""")
                .bindArray("sids", String.class, calls.sidsFrom(tx, subject))
                .bindArray("ids", Long.class, conversations.idsWith(tx, subject))
                .map((rs, ctx) -> new SubjectNote(rs.getLong("id"), rs.getString("call_sid"), (Long) rs.getObject("conversation_id"),
                        rs.getLong("leader_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(), categories(tx, rs.getLong("id")),
                        export.words() ? cipher.open(rs.getBytes("body_sealed")) : null))
                .list();
        export.add("notes", notes);
        export.leaders(notes.stream().map(SubjectNote::leaderId).toList());
    }

    private static List<Long> categories(Handle tx, long noteId) {
        return tx.createQuery("SELECT category_id FROM note_category_links WHERE note_id = :id ORDER BY category_id")
                .bind("id", noteId).mapTo(Long.class).list();
    }

    @Override
    public void erase(Handle tx, DataSubject subject, SubjectErasure erasure) {
        List<Long> ids = tx.createQuery("SELECT id FROM notes WHERE call_sid = ANY(:sids) OR conversation_id = ANY(:ids)")
                .bindArray("sids", String.class, calls.sidsFrom(tx, subject))
                .bindArray("ids", Long.class, conversations.idsWith(tx, subject))
                .mapTo(Long.class).list();
        tx.createUpdate("DELETE FROM note_category_links WHERE note_id = ANY(:ids)").bindArray("ids", Long.class, ids).execute();
        erasure.erased("notes", tx.createUpdate("DELETE FROM notes WHERE id = ANY(:ids)").bindArray("ids", Long.class, ids).execute());
    }
}
