package dk.hotline.console;

import dk.hotline.common.ServiceException;
import dk.hotline.web.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A service's refusal in the reader's words. The service names the field and says why in
 * English (the JSON API's {@code "error"}); a page shows the text under
 * {@code <prefix>.<field>.<reason>}, the reason read from the start of the service's words, or
 * {@code <prefix>.<field>} when the field has one text for every problem. A refusal this table
 * does not know is still shown, with the service's own words.
 */
final class Refusals {
    /** The start of the service's words, and the reason a page's texts name it by. */
    private static final Map<String, String> REASONS = new LinkedHashMap<>();
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    static {
        REASONS.put("is used in texts and must not contain", "revealing");
        REASONS.put("the group is full", "full");
        REASONS.put("already in this group", "duplicate");
        REASONS.put("the group already meets", "taken");
        REASONS.put("the session has begun", "begun");
        REASONS.put("the session is cancelled", "cancelled");
        REASONS.put("the group has no session ahead", "noSessionAhead");
        REASONS.put("already invited", "invitedBefore");
        REASONS.put("this person has opted out", "optedOut");
        REASONS.put("must be in the future", "past");
        REASONS.put("does not exist on that day", "clocks");
    }

    private Refusals() {}

    /**
     * The words for {@code e}; {@code arg} fills a {@code {0}} in them (a group's capacity), the
     * quoted word of a revealing name fills {@code {1}}.
     */
    static String words(Messages t, String prefix, ServiceException e, Object arg) {
        String field = e.field() == null ? "other" : e.field();
        String message = e.getMessage() == null ? "" : e.getMessage();
        String reason = REASONS.entrySet().stream().filter(r -> message.startsWith(r.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("");
        var quoted = QUOTED.matcher(message);
        Object word = quoted.find() ? quoted.group(1) : "";
        for (String key : reason.isEmpty() ? new String[] {prefix + "." + field}
                : new String[] {prefix + "." + field + "." + reason, prefix + "." + field}) {
            try {
                return t.get(key, arg, word);
            } catch (IllegalArgumentException unknown) {
                // no text for this field and reason: try the next, then the service's own words
            }
        }
        return t.get("groups.error.unknown", message);
    }
}
