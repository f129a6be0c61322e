package dk.hotline.notes;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.sms.Conversations;
import dk.hotline.voice.CallRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Notes on calls and conversations: one per call or conversation, by the leader who took it
 * (the call record's answering leader, the conversation's leader); the words sealed at rest.
 * Who may write or read one is the caller's to check with {@link #takenBy}: a leader only their
 * own, a coordinator any.
 */
public final class Notes {
    /** The most notes a list shows: a filter narrows it further. */
    public static final int LIST_LIMIT = 500;

    private final Jdbi jdbi;
    private final CallRecords calls;
    private final Conversations conversations;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    Notes(Jdbi jdbi, CallRecords calls, Conversations conversations, PersonalDataCipher cipher, Clock clock) {
        this.jdbi = jdbi;
        this.calls = calls;
        this.conversations = conversations;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A call or conversation a leader took that has no note yet, and when it began. */
    public record Pending(NoteSubject subject, Instant at) {}

    /**
     * The leader who took the call or conversation: the one a note on it belongs to. 404 when it
     * does not exist; 400 when nobody took it (nothing to write a note about).
     */
    public long takenBy(NoteSubject subject) {
        if (subject instanceof NoteSubject.Call call) {
            return calls.answeredBy(call.callSid())
                    .orElseThrow(() -> new InvalidInputException("callSid", "no leader answered this call"));
        }
        long id = ((NoteSubject.Conversation) subject).id();
        return conversations.takenBy(id)
                .orElseThrow(() -> new InvalidInputException("conversationId", "no leader took this conversation"));
    }

    /** The note on a call or conversation; 409 when it has one already. */
    public Note write(NoteSubject subject, NoteInput input) {
        long leader = takenBy(subject);
        String body = NoteBody.check(input.body());
        List<Long> categories = input.categoryIds() == null ? List.of() : List.copyOf(new HashSet<>(input.categoryIds()));
        Instant now = clock.instant();
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(NoteDao.class);
            checkCategories(tx, categories, Set.of());
            String callSid = subject instanceof NoteSubject.Call c ? c.callSid() : null;
            Long conversation = subject instanceof NoteSubject.Conversation c ? c.id() : null;
            long id = dao.insert(leader, callSid, conversation, cipher.seal(body), now)
                    .orElseThrow(() -> new ConflictException(callSid != null ? "callSid" : "conversationId",
                            "has a note already"));
            dao.link(id, ids(categories));
            return note(tx, dao.byId(id).orElseThrow());
        });
    }

    /** Changes a note's words or categories; a category switched off since stays on a note that has it. */
    public Note edit(long id, NoteInput input) {
        String body = input.body() == null ? null : NoteBody.check(input.body());
        Instant now = clock.instant();
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(NoteDao.class);
            dao.lock(id).orElseThrow(Notes::notFound);
            if (body != null) {
                dao.updateBody(id, cipher.seal(body), now);
            }
            if (input.categoryIds() != null) {
                List<Long> categories = List.copyOf(new HashSet<>(input.categoryIds()));
                var had = Set.copyOf(dao.links(new long[] {id}).stream().map(NoteDao.Link::categoryId).toList());
                checkCategories(tx, categories, had);
                dao.unlinkAll(id);
                dao.link(id, ids(categories));
            }
            dao.touch(id, now);
            return note(tx, dao.byId(id).orElseThrow());
        });
    }

    public Note byId(long id) {
        return jdbi.inTransaction(tx -> note(tx, tx.attach(NoteDao.class).byId(id).orElseThrow(Notes::notFound)));
    }

    /** The note on this call or conversation, if it has one (it has at most one). */
    public Optional<Note> about(NoteSubject subject) {
        String callSid = subject instanceof NoteSubject.Call c ? c.callSid() : null;
        Long conversation = subject instanceof NoteSubject.Conversation c ? c.id() : null;
        return jdbi.inTransaction(tx -> tx.attach(NoteDao.class).about(callSid, conversation).map(row -> note(tx, row)));
    }

    /** Notes newest first, at most {@link #LIST_LIMIT}: a leader's only, or with a category only, when asked. */
    public List<Note> list(Optional<Long> leaderId, Optional<Long> categoryId) {
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(NoteDao.class);
            var rows = dao.list(leaderId.orElse(null), categoryId.orElse(null), LIST_LIMIT);
            var links = new HashMap<Long, List<Long>>();
            dao.links(rows.stream().mapToLong(NoteDao.Row::id).toArray())
                    .forEach(l -> links.computeIfAbsent(l.noteId(), k -> new ArrayList<>()).add(l.categoryId()));
            return rows.stream().map(r -> note(r, links.getOrDefault(r.id(), List.of()))).toList();
        });
    }

    /** The calls {@code leaderId} answered and the conversations they took since {@code since} that have no note, newest first. */
    public List<Pending> withoutNote(long leaderId, Instant since) {
        var answered = calls.answeredBy(leaderId, since);
        var taken = conversations.takenBy(leaderId, since);
        return jdbi.withExtension(NoteDao.class, dao -> {
            Set<String> notedCalls = new HashSet<>(dao.notedCalls(answered.stream().map(CallRecords.Answered::callSid)
                    .toArray(String[]::new)));
            Set<Long> notedConversations = new HashSet<>(dao.notedConversations(taken.stream()
                    .mapToLong(Conversations.Taken::id).toArray()));
            var pending = new ArrayList<Pending>();
            answered.stream().filter(a -> !notedCalls.contains(a.callSid()))
                    .forEach(a -> pending.add(new Pending(NoteSubject.call(a.callSid()), a.arrivedAt())));
            taken.stream().filter(t -> !notedConversations.contains(t.id()))
                    .forEach(t -> pending.add(new Pending(NoteSubject.conversation(t.id()), t.createdAt())));
            pending.sort(Comparator.comparing(Pending::at).reversed());
            return pending;
        });
    }

    /** Every category must exist, and be active unless the note has it already. */
    private static void checkCategories(Handle tx, List<Long> categoryIds, Set<Long> had) {
        Map<Long, NoteCategory> known = new HashMap<>();
        tx.attach(NoteCategoryDao.class).all().forEach(c -> known.put(c.id(), c));
        for (long id : categoryIds) {
            var category = known.get(id);
            if (category == null || !category.active() && !had.contains(id)) {
                throw new InvalidInputException("categoryIds", "unknown or switched-off category");
            }
        }
    }

    private Note note(Handle tx, NoteDao.Row row) {
        var links = tx.attach(NoteDao.class).links(new long[] {row.id()}).stream().map(NoteDao.Link::categoryId).toList();
        return note(row, links);
    }

    private Note note(NoteDao.Row row, List<Long> categoryIds) {
        NoteSubject subject = row.callSid() != null ? NoteSubject.call(row.callSid()) : NoteSubject.conversation(row.conversationId());
        return new Note(row.id(), row.leaderId(), subject, cipher.open(row.bodySealed()), categoryIds, row.createdAt(),
                row.updatedAt());
    }

    private static long[] ids(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    static NotFoundException notFound() {
        return new NotFoundException("no such note");
    }
}
