package dk.hotline.console;

import java.util.List;
import java.util.Optional;

/**
 * What Ledere / Leaders shows a coordinator: every leader (number masked), a notice of what was
 * just done, and the form to add one (with what was typed and what was wrong, when it came back).
 */
public record LeadersView(List<Row> leaders, Optional<String> notice, LeaderForm form) {
    /** One leader in the list; {@code languages} written out in the reader's language. */
    public record Row(long id, String name, String phone, String languages, boolean active, boolean available) {}
}
