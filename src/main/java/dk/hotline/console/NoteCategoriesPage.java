package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import dk.hotline.notes.NoteCategories;
import dk.hotline.notes.NoteCategory;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /notes/categories}: Notekategorier / Note categories, coordinators only. The categories
 * leaders pick on a note: add one (named in Danish and English), rename, move up or down, switch
 * off and on. None is ever deleted: the notes that have one keep counting it.
 */
final class NoteCategoriesPage {
    private static final Set<String> DONE = Set.of("added", "renamed", "moved", "activated", "deactivated");
    private static final Map<String, String> ANCHORS = Map.of("nameDa", "nameDa", "nameEn", "nameEn");

    private final Pages pages;
    private final NoteCategories categories;

    NoteCategoriesPage(Pages pages, NoteCategories categories) {
        this.pages = pages;
        this.categories = categories;
    }

    void register(RoutesConfig routes) {
        routes.get("/notes/categories", ctx -> {
            Principal.coordinator(ctx);
            show(ctx, FormErrors.NONE, "", "");
        });
        routes.post("/notes/categories", this::add);
        routes.post("/notes/categories/{id}", this::rename);
        routes.post("/notes/categories/{id}/move", this::move);
        routes.post("/notes/categories/{id}/active", this::activate);
    }

    private void show(Context ctx, FormErrors errors, String nameDa, String nameEn) {
        Messages t = pages.messages(ctx);
        List<NoteCategory> all = categories.all();
        var rows = all.stream().map(c -> new NoteCategoriesView.Row(c.id(), c.nameDa(), c.nameEn(), c.active(),
                c.position() == all.get(0).position(), c.position() == all.get(all.size() - 1).position(), c.position())).toList();
        Optional<String> notice = Optional.ofNullable(ctx.queryParam("done")).filter(DONE::contains)
                .map(done -> t.get("noteCategories.done." + done));
        pages.render(ctx, "note_categories.jte", "noteCategories.title", new NoteCategoriesView(rows, notice, errors, nameDa, nameEn));
    }

    private void add(Context ctx) {
        Principal.coordinator(ctx);
        String da = param(ctx, "nameDa");
        String en = param(ctx, "nameEn");
        try {
            categories.add(da, en);
            ctx.redirect("/notes/categories?done=added", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            show(ctx, FormErrors.of(e, pages.messages(ctx), "noteCategories", ANCHORS), da, en);
        }
    }

    /** A rename comes from the row's own small form; a blank name is refused on the page with the list. */
    private void rename(Context ctx) {
        Principal.coordinator(ctx);
        long id = id(ctx);
        try {
            categories.change(id, new NoteCategories.Change(param(ctx, "nameDa"), param(ctx, "nameEn"), null, null));
            ctx.redirect("/notes/categories?done=renamed", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            var field = e.field();
            show(ctx, new FormErrors(List.of(new FormErrors.FieldError(field, field + "-" + id,
                    pages.messages(ctx).get("noteCategories.error." + field)))), "", "");
        }
    }

    private void move(Context ctx) {
        Principal.coordinator(ctx);
        long id = id(ctx);
        String direction = param(ctx, "direction");
        if (!direction.equals("up") && !direction.equals("down")) {
            throw new InvalidInputException("direction", "up or down");
        }
        int position = categories.all().stream().map(NoteCategory::id).toList().indexOf(id) + 1;
        if (position == 0) {
            throw new NotFoundException("no such note category");
        }
        int to = direction.equals("up") ? position - 1 : position + 1;
        int last = categories.all().size();
        categories.change(id, new NoteCategories.Change(null, null, null, Math.max(1, Math.min(last, to))));
        ctx.redirect("/notes/categories?done=moved", HttpStatus.SEE_OTHER);
    }

    private void activate(Context ctx) {
        Principal.coordinator(ctx);
        boolean active = "true".equals(param(ctx, "active"));
        categories.change(id(ctx), new NoteCategories.Change(null, null, active, null));
        ctx.redirect("/notes/categories?done=" + (active ? "activated" : "deactivated"), HttpStatus.SEE_OTHER);
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }
}
