package dk.hotline.console;

import java.util.List;
import java.util.Optional;

/**
 * What Tilbageringninger / Callbacks shows: what was just done (or what was wrong with it), the
 * open requests with what can be done about each, and those handled in the last 14 days. A
 * coordinator picks the leader to ring ({@code leaders}); a leader account rings itself.
 */
public record CallbacksView(Optional<String> notice, FormErrors errors, boolean coordinator, List<Choice> leaders,
                            List<Row> open, List<Row> handled) {
    /** A leader to pick. */
    public record Choice(long id, String name) {}

    /**
     * One request: when asked (local time), language, wished time of day, the masked number, whom
     * the leaders' texts went to, how a call through the service stands, and when it was handled.
     */
    public record Row(long id, String asked, String language, String wished, String phone, String told, String call,
                      String handled) {}
}
