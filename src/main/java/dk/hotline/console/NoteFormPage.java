package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.notes.Note;
import dk.hotline.notes.NoteBody;
import dk.hotline.notes.NoteCategory;
import dk.hotline.notes.NoteInput;
import dk.hotline.notes.NoteSubject;
import dk.hotline.notes.NotesModule;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The note's form: {@code /notes/new?call=…|conversation=…} writes one and {@code /notes/{id}/edit}
 * changes one, for the leader who took the call or conversation, or a coordinator; another leader
 * gets 403. A refused note comes back with what was typed and why (a phone number in it, too long).
 */
final class NoteFormPage {
    private final Pages pages;
    private final NotesModule notes;

    NoteFormPage(Pages pages, NotesModule notes) {
        this.pages = pages;
        this.notes = notes;
    }

    void register(RoutesConfig routes) {
        routes.get("/notes/new", this::blank);
        routes.post("/notes", this::write);
        routes.get("/notes/{id}/edit", ctx -> {
            Note note = NoteApi.own(ctx, notes.notes().byId(id(ctx)));
            edit(ctx, note, note.body(), note.categoryIds(), FormErrors.NONE);
        });
        routes.post("/notes/{id}", this::save);
    }

    private void blank(Context ctx) {
        NoteSubject subject = subject(ctx::queryParam);
        mayWrite(ctx, subject);
        create(ctx, subject, "", List.of(), FormErrors.NONE);
    }

    private void write(Context ctx) {
        NoteSubject subject = subject(ctx::formParam);
        mayWrite(ctx, subject);
        String body = Optional.ofNullable(ctx.formParam("body")).orElse("");
        List<Long> picked = picked(ctx);
        try {
            notes.notes().write(subject, new NoteInput(body, picked));
            ctx.redirect("/notes?done=written", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            create(ctx, subject, body, picked, errors(e, body, pages.messages(ctx)));
        }
    }

    private void save(Context ctx) {
        Note note = NoteApi.own(ctx, notes.notes().byId(id(ctx)));
        String body = Optional.ofNullable(ctx.formParam("body")).orElse("");
        List<Long> picked = picked(ctx);
        try {
            notes.notes().edit(note.id(), new NoteInput(body, picked));
            ctx.redirect("/notes?done=saved", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            edit(ctx, note, body, picked, errors(e, body, pages.messages(ctx)));
        }
    }

    /** 403 unless the account is the leader who took it, or a coordinator. */
    private void mayWrite(Context ctx, NoteSubject subject) {
        if (!Principal.of(ctx).actsFor(notes.notes().takenBy(subject))) {
            throw new ForbiddenResponse("another leader's call or conversation");
        }
    }

    private void create(Context ctx, NoteSubject subject, String body, List<Long> picked, FormErrors errors) {
        Messages t = pages.messages(ctx);
        var boxes = notes.categories().all().stream().filter(NoteCategory::active)
                .map(c -> new NoteFormView.Category(c.id(), NotesPage.label(c, t), picked.contains(c.id()))).toList();
        String field = subject instanceof NoteSubject.Call ? "call" : "conversation";
        String value = subject instanceof NoteSubject.Call c ? c.callSid() : String.valueOf(((NoteSubject.Conversation) subject).id());
        pages.render(ctx, "note_form.jte", "notes.new.title", new NoteFormView(t.get("notes.new.heading", NotesPage.subject(subject, t)),
                "/notes", field, value, body, NoteBody.MAX_LENGTH, boxes, errors));
    }

    private void edit(Context ctx, Note note, String body, List<Long> picked, FormErrors errors) {
        Messages t = pages.messages(ctx);
        // A category switched off since stays on the form of a note that has it, so saving keeps it.
        var boxes = notes.categories().all().stream().filter(c -> c.active() || note.categoryIds().contains(c.id()))
                .map(c -> new NoteFormView.Category(c.id(), NotesPage.label(c, t), picked.contains(c.id()))).toList();
        pages.render(ctx, "note_form.jte", "notes.edit.title", new NoteFormView(t.get("notes.edit.heading",
                NotesPage.subject(note.subject(), t)), "/notes/" + note.id(), null, null, body, NoteBody.MAX_LENGTH, boxes, errors));
    }

    /** The words for what was wrong; for the body, which rule it broke (empty, too long, a phone number). */
    private static FormErrors errors(InvalidInputException e, String body, Messages t) {
        String field = "body".equals(e.field()) ? "body" : "categoryIds";
        String key = field.equals("body")
                ? "notes.error.body." + NoteBody.problem(body).map(NoteBody.Problem::code).orElse("empty")
                : "notes.error.categoryIds";
        String anchor = field.equals("body") ? "body" : "categories";
        return new FormErrors(List.of(new FormErrors.FieldError(field, anchor, t.get(key))));
    }

    /** {@code call} or {@code conversation}, from the query or the form; 400 without either. */
    private static NoteSubject subject(Function<String, String> param) {
        String call = param.apply("call");
        String conversation = param.apply("conversation");
        if (call != null && !call.isBlank()) {
            return NoteSubject.call(call.trim());
        }
        try {
            return NoteSubject.conversation(Long.parseLong(Optional.ofNullable(conversation).orElse("").trim()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("call", "a call or a conversation to write about");
        }
    }

    private static List<Long> picked(Context ctx) {
        var ids = new ArrayList<Long>();
        for (String raw : ctx.formParams("categoryIds")) {
            try {
                ids.add(Long.parseLong(raw));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("categoryIds", "not an id");
            }
        }
        return ids;
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }
}
