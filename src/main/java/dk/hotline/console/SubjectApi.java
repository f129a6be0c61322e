package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.privacy.Subjects;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Actors;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/subjects/{phone}}: a person's access request ({@code GET}: everything held on the
 * number, the words too with {@code ?words=true}) and erasure request ({@code DELETE}), for
 * coordinators only; each audited, with the optional {@code ?reason=}. The number is in the path,
 * so it must stay out of every log: the access log and the error mapping name the route pattern
 * only, never the path, and a refusal never repeats what was typed.
 */
final class SubjectApi {
    private final Jdbi jdbi;
    private final Subjects subjects;
    private final Leaders leaders;

    SubjectApi(Jdbi jdbi, Subjects subjects, Leaders leaders) {
        this.jdbi = jdbi;
        this.subjects = subjects;
        this.leaders = leaders;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/subjects/{phone}", this::access);
        routes.delete("/api/subjects/{phone}", this::erase);
    }

    private void access(Context ctx) {
        PhoneNumber number = SubjectAnswer.notALeaders(jdbi, leaders, SubjectAnswer.phone(ctx.pathParam("phone")));
        boolean words = words(ctx);
        var export = subjects.access(Actors.of(ctx), number, words, Reveal.reason(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(SubjectAnswer.of(jdbi, leaders, number, export));
    }

    private void erase(Context ctx) {
        PhoneNumber number = SubjectAnswer.notALeaders(jdbi, leaders, SubjectAnswer.phone(ctx.pathParam("phone")));
        var erasure = subjects.erase(Actors.of(ctx), number, Reveal.reason(ctx));
        ctx.json(SubjectAnswer.erased(erasure));
    }

    private static boolean words(Context ctx) {
        String raw = Optional.ofNullable(ctx.queryParam("words")).orElse("false");
        if (!raw.equals("true") && !raw.equals("false")) {
            throw new InvalidInputException("words", "must be true or false");
        }
        return raw.equals("true");
    }
}
