package dk.hotline.console;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.ServiceException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.privacy.Subjects;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Actors;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /subjects} (coordinators only): a person's access or erasure request in the console. The
 * coordinator types the number and why; the answer to that post shows what the API's export holds,
 * offers it as a JSON download, and an erasure after a question. Every step is a post, so the
 * number is never in a URL, and every answer is {@code no-store}; each access and the erasure are
 * audited as through the API.
 */
final class SubjectPage {
    private final Jdbi jdbi;
    private final Pages pages;
    private final Subjects subjects;
    private final Leaders leaders;

    SubjectPage(Jdbi jdbi, Pages pages, Subjects subjects, Leaders leaders) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.subjects = subjects;
        this.leaders = leaders;
    }

    void register(RoutesConfig routes) {
        routes.get("/subjects", ctx -> {
            Principal.coordinator(ctx);
            show(ctx, SubjectView.form("", "", false, FormErrors.NONE));
        });
        routes.post("/subjects", this::export);
        routes.post("/subjects/export", this::download);
        routes.post("/subjects/erase", this::erase);
    }

    /** What was typed in the form (or carried in its hidden fields). */
    private record Request(String phone, String reason, boolean words) {
        static Request of(Context ctx) {
            return new Request(Optional.ofNullable(ctx.formParam("phone")).orElse("").trim(),
                    Optional.ofNullable(ctx.formParam("reason")).orElse("").trim(), "true".equals(ctx.formParam("words")));
        }

        PhoneNumber number() {
            if (reason.isEmpty() || reason.length() > AuditLog.MAX_REASON) {
                throw new InvalidInputException("reason", "required, at most " + AuditLog.MAX_REASON + " characters");
            }
            return SubjectAnswer.phone(phone);
        }
    }

    private void export(Context ctx) {
        Principal.coordinator(ctx);
        Request request = Request.of(ctx);
        try {
            PhoneNumber number = SubjectAnswer.notALeaders(jdbi, leaders, request.number());
            var export = subjects.access(Actors.of(ctx), number, request.words(), Optional.of(request.reason()));
            Map<String, Object> answer = SubjectAnswer.of(jdbi, leaders, number, export);
            show(ctx, new SubjectView(SubjectView.Step.EXPORT, request.phone(), request.reason(), request.words(), FormErrors.NONE,
                    number.masked(), names(answer), sections(answer, pages.messages(ctx)), List.of()));
        } catch (InvalidInputException | ConflictException e) {
            refused(ctx, request, e);
        }
    }

    private void download(Context ctx) {
        Principal.coordinator(ctx);
        Request request = Request.of(ctx);
        try {
            PhoneNumber number = SubjectAnswer.notALeaders(jdbi, leaders, request.number());
            var export = subjects.access(Actors.of(ctx), number, request.words(), Optional.of(request.reason()));
            ctx.header("Cache-Control", "no-store");
            ctx.header("Content-Disposition", "attachment; filename=\"subject-access.json\"");
            ctx.contentType("application/json; charset=utf-8");
            ctx.result(SubjectAnswer.pretty(SubjectAnswer.of(jdbi, leaders, number, export)));
        } catch (InvalidInputException | ConflictException e) {
            refused(ctx, request, e);
        }
    }

    private void erase(Context ctx) {
        Principal.coordinator(ctx);
        Request request = Request.of(ctx);
        try {
            PhoneNumber number = SubjectAnswer.notALeaders(jdbi, leaders, request.number());
            if (!"yes".equals(ctx.formParam("confirm"))) {
                show(ctx, new SubjectView(SubjectView.Step.CONFIRM, request.phone(), request.reason(), false, FormErrors.NONE,
                        number.masked(), List.of(), List.of(), List.of()));
                return;
            }
            var erasure = subjects.erase(Actors.of(ctx), number, Optional.of(request.reason()));
            Messages t = pages.messages(ctx);
            var sections = new ArrayList<SubjectView.Section>();
            erasure.erased().forEach((kind, count) -> sections.add(new SubjectView.Section(label(t, kind), count, List.of())));
            show(ctx, new SubjectView(SubjectView.Step.ERASED, "", request.reason(), false, FormErrors.NONE, number.masked(),
                    List.of(), sections, erasure.kept().stream().map(kind -> label(t, kind)).toList()));
        } catch (InvalidInputException | ConflictException e) {
            refused(ctx, request, e);
        }
    }

    private void refused(Context ctx, Request request, ServiceException e) {
        ctx.status(FormErrors.status(e));
        show(ctx, SubjectView.form(request.phone(), request.reason(), request.words(),
                FormErrors.of(e, pages.messages(ctx), "subjects", Map.of())));
    }

    private void show(Context ctx, SubjectView view) {
        // The number (masked on the page, whole in the forms' hidden fields) must not be kept by anything.
        ctx.header("Cache-Control", "no-store");
        pages.render(ctx, "subjects.jte", "subjects.title", view);
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> answer) {
        return ((List<SubjectAnswer.NamedLeader>) answer.get("leaders")).stream()
                .map(l -> l.name() + " (" + l.id() + ")").toList();
    }

    private static List<SubjectView.Section> sections(Map<String, Object> answer, Messages t) {
        var sections = new ArrayList<SubjectView.Section>();
        answer.forEach((kind, value) -> {
            if (kind.equals("phone") || kind.equals("words") || kind.equals("leaders")) {
                return;
            }
            int count = value instanceof List<?> list ? list.size() : -1;
            sections.add(new SubjectView.Section(label(t, kind), count,
                    count == 0 ? List.of() : ExportRows.of(SubjectAnswer.JSON.valueToTree(value))));
        });
        return sections;
    }

    private static String label(Messages t, String kind) {
        String key = "subjects.kind." + kind;
        return t.has(key) ? t.get(key) : kind;
    }
}
