package dk.hotline.console;

import dk.hotline.common.Language;
import dk.hotline.common.InvalidInputException;
import dk.hotline.notes.Note;
import dk.hotline.notes.NoteBody;
import dk.hotline.notes.NoteCategory;
import dk.hotline.notes.NoteInput;
import dk.hotline.notes.NoteSubject;
import dk.hotline.notes.Notes;
import dk.hotline.notes.NotesModule;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /notes}: Noter / Notes. A leader sees its own notes and its calls and conversations of
 * the last 14 days that have none, each with a link to write one; a coordinator sees every note,
 * filtered by leader and category. {@code /notes/new?call=…|conversation=…} writes one and
 * {@code /notes/{id}/edit} changes one: the leader who took the call, or a coordinator; another
 * leader gets 403. Everything goes through {@link Notes}, as {@code /api/notes} does.
 */
final class NotesPage {
    /** How far back "your calls and conversations without a note" looks. */
    static final Duration PENDING_SINCE = Duration.ofDays(14);
    private static final Set<String> DONE = Set.of("written", "saved");

    private final Jdbi jdbi;
    private final Pages pages;
    private final NotesModule notes;
    private final Leaders leaders;
    private final LocalTimes times;
    private final Clock clock;

    NotesPage(Jdbi jdbi, Pages pages, NotesModule notes, Leaders leaders, LocalTimes times, Clock clock) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.notes = notes;
        this.leaders = leaders;
        this.times = times;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/notes", this::list);
        routes.get("/notes/new", this::blank);
        routes.post("/notes", this::write);
        routes.get("/notes/{id}/edit", ctx -> {
            Note note = NoteApi.own(ctx, notes.notes().byId(id(ctx)));
            edit(ctx, note, note.body(), note.categoryIds(), FormErrors.NONE);
        });
        routes.post("/notes/{id}", this::save);
    }

    private void list(Context ctx) {
        Principal principal = Principal.of(ctx);
        Messages t = pages.messages(ctx);
        Map<Long, String> names = jdbi.withHandle(leaders::all).stream().collect(Collectors.toMap(Leader::id, Leader::name));
        Map<Long, NoteCategory> categories = notes.categories().all().stream()
                .collect(Collectors.toMap(NoteCategory::id, Function.identity()));
        Optional<String> notice = Optional.ofNullable(ctx.queryParam("done")).filter(DONE::contains)
                .map(done -> t.get("notes.done." + done));
        if (!principal.coordinator()) {
            long me = principal.leaderId().orElseThrow(() -> new ForbiddenResponse("this account is not a leader's"));
            var rows = notes.notes().list(Optional.of(me), Optional.empty()).stream()
                    .map(n -> row(n, names, categories, t)).toList();
            var pending = notes.notes().withoutNote(me, clock.instant().minus(PENDING_SINCE)).stream()
                    .map(p -> new NotesView.Pending(when(p.at(), t), subject(p.subject(), t), newHref(p.subject())))
                    .toList();
            pages.render(ctx, "notes.jte", "notes.title", new NotesView(false, notice, rows, pending, List.of(),
                    List.of(), false));
            return;
        }
        Optional<Long> leader = optionalId(ctx, "leaderId");
        Optional<Long> category = optionalId(ctx, "categoryId");
        var rows = notes.notes().list(leader, category).stream().map(n -> row(n, names, categories, t)).toList();
        var leaderOptions = names.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> new NotesView.Option(String.valueOf(e.getKey()), e.getValue(), leader.filter(e.getKey()::equals).isPresent()))
                .toList();
        var categoryOptions = notes.categories().all().stream()
                .map(c -> new NotesView.Option(String.valueOf(c.id()), label(c, t), category.filter(id -> id == c.id()).isPresent()))
                .toList();
        pages.render(ctx, "notes.jte", "notes.title", new NotesView(true, notice, rows, List.of(), leaderOptions,
                categoryOptions, leader.isPresent() || category.isPresent()));
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
                .map(c -> new NoteFormView.Category(c.id(), label(c, t), picked.contains(c.id()))).toList();
        String field = subject instanceof NoteSubject.Call ? "call" : "conversation";
        String value = subject instanceof NoteSubject.Call c ? c.callSid() : String.valueOf(((NoteSubject.Conversation) subject).id());
        pages.render(ctx, "note_form.jte", "notes.new.title", new NoteFormView(t.get("notes.new.heading", subject(subject, t)),
                "/notes", field, value, body, NoteBody.MAX_LENGTH, boxes, errors));
    }

    private void edit(Context ctx, Note note, String body, List<Long> picked, FormErrors errors) {
        Messages t = pages.messages(ctx);
        // A category switched off since stays on the form of a note that has it, so saving keeps it.
        var boxes = notes.categories().all().stream().filter(c -> c.active() || note.categoryIds().contains(c.id()))
                .map(c -> new NoteFormView.Category(c.id(), label(c, t), picked.contains(c.id()))).toList();
        pages.render(ctx, "note_form.jte", "notes.edit.title", new NoteFormView(t.get("notes.edit.heading",
                subject(note.subject(), t)), "/notes/" + note.id(), null, null, body, NoteBody.MAX_LENGTH, boxes, errors));
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

    private NotesView.Row row(Note n, Map<Long, String> names, Map<Long, NoteCategory> categories, Messages t) {
        String picked = n.categoryIds().stream().map(categories::get).map(c -> label(c, t)).collect(Collectors.joining(", "));
        return new NotesView.Row(n.id(), when(n.createdAt(), t), subject(n.subject(), t),
                names.getOrDefault(n.leaderId(), t.get("notes.removedLeader")), picked, n.body());
    }

    private String when(java.time.Instant at, Messages t) {
        return times.day(at, t.language().locale()) + " " + times.time(at);
    }

    static String label(NoteCategory c, Messages t) {
        String name = t.language() == Language.DANISH ? c.nameDa() : c.nameEn();
        return c.active() ? name : t.get("notes.inactive", name);
    }

    private static String subject(NoteSubject subject, Messages t) {
        return subject instanceof NoteSubject.Conversation c ? t.get("notes.subject.conversation", "K" + c.id())
                : t.get("notes.subject.call");
    }

    private static String newHref(NoteSubject subject) {
        return subject instanceof NoteSubject.Call c ? "/notes/new?call=" + URLEncoder.encode(c.callSid(), StandardCharsets.UTF_8)
                : "/notes/new?conversation=" + ((NoteSubject.Conversation) subject).id();
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
