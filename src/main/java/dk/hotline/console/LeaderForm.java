package dk.hotline.console;

import dk.hotline.common.Language;
import dk.hotline.rota.Leader;
import dk.hotline.rota.LeaderInput;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A leader as the add and edit forms hold it: what was typed (kept when the form comes back with
 * an error) and what was wrong. Field names are the JSON API's: {@code name}, {@code phone},
 * {@code languages} (checkboxes {@code da}, {@code en}), {@code active}, {@code available}. The
 * number is never filled in: on the edit form an empty one keeps the number the leader has.
 */
public record LeaderForm(String name, String phone, boolean danish, boolean english, boolean active, boolean available,
                         FormErrors errors) {
    /** The checkbox of a language field has its own id; the error summary links to the first. */
    static final Map<String, String> ANCHORS = Map.of("languages", "languages-da");

    /** An empty add form: Danish, active, available, as the API's defaults are. */
    static LeaderForm blank() {
        return new LeaderForm("", "", true, false, true, true, FormErrors.NONE);
    }

    /** The edit form of a leader as they are; the number stays out of it. */
    static LeaderForm of(Leader leader) {
        return new LeaderForm(leader.name(), "", leader.languages().contains(Language.DANISH),
                leader.languages().contains(Language.ENGLISH), leader.active(), leader.available(), FormErrors.NONE);
    }

    /** What the browser sent. A box not ticked is not sent, so its absence is "no". */
    static LeaderForm read(Context ctx) {
        List<String> languages = ctx.formParams("languages");
        return new LeaderForm(Optional.ofNullable(ctx.formParam("name")).orElse(""),
                Optional.ofNullable(ctx.formParam("phone")).orElse(""),
                languages.contains(Language.DANISH.code()), languages.contains(Language.ENGLISH.code()),
                "true".equals(ctx.formParam("active")), "true".equals(ctx.formParam("available")), FormErrors.NONE);
    }

    /** As the service takes it; an empty number is "keep the one they have" (the add form's check says it is required). */
    LeaderInput input() {
        var languages = new ArrayList<String>();
        if (danish) {
            languages.add(Language.DANISH.code());
        }
        if (english) {
            languages.add(Language.ENGLISH.code());
        }
        return new LeaderInput(name, phone.isBlank() ? null : phone, languages, active, available);
    }

    LeaderForm with(FormErrors errors) {
        return new LeaderForm(name, phone, danish, english, active, available, errors);
    }
}
