package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.groups.Group;
import dk.hotline.groups.GroupInput;
import dk.hotline.groups.Groups;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /groups}: Grupper / Groups, for coordinators. The groups with their leader, places taken
 * and next session, and a form that creates one as {@code POST /api/groups} does (through the same
 * {@link Groups#create}); the first session is a local date and time in the rota's zone.
 */
record GroupsPage(Jdbi jdbi, Pages pages, Groups groups, Leaders leaders, LocalTimes times, Clock clock) {
    void register(RoutesConfig routes) {
        routes.get("/groups", ctx -> {
            Principal.coordinator(ctx);
            show(ctx, GroupsView.Form.EMPTY, FormErrors.NONE);
        });
        routes.post("/groups", this::create);
    }

    private void create(Context ctx) {
        Principal.coordinator(ctx);
        var form = new GroupsView.Form(param(ctx, "name"), param(ctx, "smsName"), param(ctx, "location"), param(ctx, "leaderId"),
                param(ctx, "capacity"), param(ctx, "firstSession"), param(ctx, "weeks"), param(ctx, "durationMinutes"));
        Group created;
        try {
            created = groups.create(new GroupInput(form.name(), form.smsName(), form.location(), number("leaderId", form.leaderId()),
                    integer("capacity", form.capacity()), times.withOffset("firstSession", form.firstSession()),
                    integer("weeks", form.weeks()), integer("durationMinutes", form.durationMinutes())));
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, form, FormErrors.of(e, pages.messages(ctx), "groups", Map.of()));
            return;
        }
        ctx.redirect("/groups/" + created.id() + "?done=created", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, GroupsView.Form form, FormErrors errors) {
        var locale = pages.messages(ctx).language().locale();
        Instant now = clock.instant();
        List<Leader> all = jdbi.inTransaction(leaders::all);
        Map<Long, String> names = all.stream().collect(Collectors.toMap(Leader::id, Leader::name));
        var rows = groups.all().stream().map(g -> new GroupsView.Row(g.id(), g.name(), g.smsName(),
                names.getOrDefault(g.leaderId(), ""), g.capacity(), g.participants(),
                next(g, now).map(s -> times.dayAndTime(s.start(), locale)).orElse(""))).toList();
        var choices = all.stream().filter(Leader::active).sorted(Comparator.comparing(Leader::name))
                .map(l -> new GroupsView.Choice(String.valueOf(l.id()), l.name(), String.valueOf(l.id()).equals(form.leaderId())))
                .toList();
        pages.render(ctx, "groups.jte", "groups.title", new GroupsView(rows, choices, form, errors));
    }

    /** The first session still to come that is not cancelled: what an invitation would name. */
    static Optional<Group.Session> next(Group g, Instant now) {
        return g.sessions().stream().filter(s -> "scheduled".equals(s.status()) && s.start().isAfter(now)).findFirst();
    }

    static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    /** A whole number from a form, null when left empty (the service's default, or its "required"). */
    static Integer integer(String field, String raw) {
        return parse(field, raw, Integer::valueOf);
    }

    static Long number(String field, String raw) {
        return parse(field, raw, Long::valueOf);
    }

    private static <T> T parse(String field, String raw, Function<String, T> parser) {
        if (raw.isBlank()) {
            return null;
        }
        try {
            return parser.apply(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "a whole number");
        }
    }
}
