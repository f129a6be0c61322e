package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.notes.Note;
import dk.hotline.notes.NoteCategory;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /notes}: Noter / Notes. A leader sees its own notes and its calls and conversations of
 * the last 14 days that have none, each with a link to write one ({@link NoteFormPage}); a
 * coordinator sees every note, filtered by leader and category. Everything goes through
 * {@link Notes}, as {@code /api/notes} does.
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

    private NotesView.Row row(Note n, Map<Long, String> names, Map<Long, NoteCategory> categories, Messages t) {
        String picked = n.categoryIds().stream().map(categories::get).map(c -> label(c, t)).collect(Collectors.joining(", "));
        return new NotesView.Row(n.id(), when(n.createdAt(), t), subject(n.subject(), t),
                names.getOrDefault(n.leaderId(), t.get("notes.removedLeader")), picked, n.body());
    }

    private String when(Instant at, Messages t) {
        return times.day(at, t.language().locale()) + " " + times.time(at);
    }

    static String label(NoteCategory c, Messages t) {
        String name = t.language() == Language.DANISH ? c.nameDa() : c.nameEn();
        return c.active() ? name : t.get("notes.inactive", name);
    }

    static String subject(NoteSubject subject, Messages t) {
        return subject instanceof NoteSubject.Conversation c ? t.get("notes.subject.conversation", "K" + c.id())
                : t.get("notes.subject.call");
    }

    private static String newHref(NoteSubject subject) {
        return subject instanceof NoteSubject.Call c ? "/notes/new?call=" + URLEncoder.encode(c.callSid(), StandardCharsets.UTF_8)
                : "/notes/new?conversation=" + ((NoteSubject.Conversation) subject).id();
    }

    static Optional<Long> optionalId(Context ctx, String name) {
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
}
