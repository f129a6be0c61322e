package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.notes.Note;
import dk.hotline.notes.NoteCategories;
import dk.hotline.notes.NoteCategory;
import dk.hotline.notes.NoteCounts;
import dk.hotline.notes.NoteInput;
import dk.hotline.notes.NoteSubject;
import dk.hotline.notes.Notes;
import dk.hotline.notes.NotesModule;
import dk.hotline.web.JsonBody;
import dk.hotline.web.Principal;
import dk.hotline.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/notes} and {@code /api/note-categories}: notes on calls and conversations, and the
 * categories they are sorted by. A leader token reads and writes the notes of its own leader only
 * (403 for another's; lists filtered) and reads the categories; coordinators change categories
 * and read the counts.
 */
final class NoteApi {
    private final Notes notes;
    private final NoteCategories categories;
    private final NoteCounts counts;

    NoteApi(NotesModule module) {
        this.notes = module.notes();
        this.categories = module.categories();
        this.counts = module.counts();
    }

    /** {@code text} and {@code categories} repeat {@code body} and {@code categoryIds} under the names of the per-subject calls. */
    record View(long id, long leaderId, String callSid, Long conversationId, String body, List<Long> categoryIds,
                String text, List<Long> categories, Instant createdAt, Instant updatedAt) {
        static View of(Note n) {
            return new View(n.id(), n.leaderId(), n.subject() instanceof NoteSubject.Call c ? c.callSid() : null,
                    n.subject() instanceof NoteSubject.Conversation c ? c.id() : null, n.body(), n.categoryIds(),
                    n.body(), n.categoryIds(), n.createdAt(), n.updatedAt());
        }
    }

    record NewNote(String callSid, Long conversationId, String body, List<Long> categoryIds) {}

    record NewCategory(String nameDa, String nameEn) {}

    record CountView(long id, String nameDa, String nameEn, boolean active, long notes) {}

    record CountsView(LocalDate from, LocalDate to, long notes, List<CountView> categories) {}

    void register(RoutesConfig routes) {
        routes.get("/api/notes", this::list, Role.LEADER);
        routes.post("/api/notes", this::create, Role.LEADER);
        // Before /api/notes/{id}, which would otherwise take "counts" for an id.
        routes.get("/api/notes/counts", this::counts);
        // The same notes by what they are about, with the field names other systems use (text, categories).
        routes.get("/api/calls/{id}/notes", ctx -> about(ctx, NoteSubject.call(ctx.pathParam("id"))), Role.LEADER);
        routes.post("/api/calls/{id}/notes", ctx -> writeAbout(ctx, NoteSubject.call(ctx.pathParam("id"))), Role.LEADER);
        routes.get("/api/conversations/{id}/notes", ctx -> about(ctx, NoteSubject.conversation(id(ctx))), Role.LEADER);
        routes.post("/api/conversations/{id}/notes", ctx -> writeAbout(ctx, NoteSubject.conversation(id(ctx))), Role.LEADER);
        routes.get("/api/notes/{id}", ctx -> ctx.json(View.of(own(ctx, notes.byId(id(ctx))))), Role.LEADER);
        routes.patch("/api/notes/{id}", ctx -> {
            own(ctx, notes.byId(id(ctx)));
            ctx.json(View.of(notes.edit(id(ctx), JsonBody.read(ctx, NoteInput.class))));
        }, Role.LEADER);
        routes.get("/api/note-categories", ctx -> ctx.json(categories.all()), Role.LEADER);
        routes.post("/api/note-categories", ctx -> {
            var in = JsonBody.read(ctx, NewCategory.class);
            ctx.status(201).json(categories.add(in.nameDa(), in.nameEn()));
        });
        routes.patch("/api/note-categories/{id}",
                ctx -> ctx.json(categories.change(id(ctx), JsonBody.read(ctx, NoteCategories.Change.class))));
    }

    /** A leader token sees its own leader's notes only; a coordinator all, or one leader's, or one category's. */
    private void list(Context ctx) {
        Principal principal = Principal.of(ctx);
        Optional<Long> leader = principal.coordinator() ? optionalId(ctx, "leaderId") : principal.leaderId();
        if (!principal.coordinator() && leader.isEmpty()) {
            throw new ForbiddenResponse("this account is not a leader's");
        }
        ctx.json(notes.list(leader, optionalId(ctx, "categoryId")).stream().map(View::of).toList());
    }

    /** {@code {"text", "categories": [ids]}}: a note's words and categories, by the names of the notes-per-subject calls. */
    record SubjectNote(String text, List<Long> categories) {}

    /** The subject's notes (none or one), as a list; 403 for another leader's call or conversation. */
    private void about(Context ctx, NoteSubject subject) {
        if (!Principal.of(ctx).actsFor(notes.takenBy(subject))) {
            throw new ForbiddenResponse("a leader reads notes on their own calls and conversations only");
        }
        ctx.json(notes.about(subject).map(View::of).stream().toList());
    }

    private void writeAbout(Context ctx, NoteSubject subject) {
        var in = JsonBody.read(ctx, SubjectNote.class);
        if (!Principal.of(ctx).actsFor(notes.takenBy(subject))) {
            throw new ForbiddenResponse("a leader writes notes on their own calls and conversations only");
        }
        ctx.status(201).json(View.of(notes.write(subject, new NoteInput(in.text(), in.categories()))));
    }

    private void create(Context ctx) {
        var in = JsonBody.read(ctx, NewNote.class);
        NoteSubject subject = subject(in);
        if (!Principal.of(ctx).actsFor(notes.takenBy(subject))) {
            throw new ForbiddenResponse("a leader writes notes on their own calls and conversations only");
        }
        ctx.status(201).json(View.of(notes.write(subject, new NoteInput(in.body(), in.categoryIds()))));
    }

    private void counts(Context ctx) {
        var result = counts.between(QueryParams.required(ctx, "from"), QueryParams.required(ctx, "to"));
        ctx.json(new CountsView(result.from(), result.to(), result.notes(), result.categories().stream()
                .map(c -> {
                    NoteCategory category = c.category();
                    return new CountView(category.id(), category.nameDa(), category.nameEn(), category.active(), c.notes());
                }).toList()));
    }

    static NoteSubject subject(NewNote in) {
        if ((in.callSid() == null) == (in.conversationId() == null)) {
            throw new InvalidInputException("callSid", "give either callSid or conversationId");
        }
        return in.callSid() != null ? NoteSubject.call(in.callSid()) : NoteSubject.conversation(in.conversationId());
    }

    /** The note, when the account may see it: 403 for a leader account and another leader's note. */
    static Note own(Context ctx, Note note) {
        if (!Principal.of(ctx).actsFor(note.leaderId())) {
            throw new ForbiddenResponse("another leader's note");
        }
        return note;
    }


    private static Optional<Long> optionalId(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(raw.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "not an id");
        }
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }
}
