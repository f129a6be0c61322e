package dk.hotline.console;

import dk.hotline.web.Messages;
import java.util.Map;
import java.util.Set;

/**
 * An audit row's "what" in words: a reveal as "the number of the leader Anna", any other act as
 * its action's words with the subject's ("Changed the leader Anna", "Switched the account
 * ida@example.org off"); an action or kind of subject without words is shown as stored.
 */
final class AuditWords {
    /** The kinds of subject a reveal names, each with its words ({@code audit.subject.<kind>}). */
    private static final Set<String> REVEALED = Set.of("leader", "callback", "group-interest", "blocklist", "voicemail");

    private AuditWords() {}

    static String what(String action, String subject, Map<Long, String> leaderNames, Map<Long, String> emails, Messages t) {
        if (action.equals("reveal")) {
            return revealed(subject, leaderNames, t);
        }
        String key = "audit.action." + action;
        String about = about(subject, leaderNames, emails, t);
        return t.has(key) ? t.get(key, about) : t.get("audit.action.other", action, about);
    }

    /** "Leder Anna" for {@code leader:12}, "Opringningsønske nr. 5" for {@code callback:5}; as stored when unknown. */
    private static String revealed(String subject, Map<Long, String> leaderNames, Messages t) {
        int colon = subject.indexOf(':');
        if (colon < 0 || !REVEALED.contains(subject.substring(0, colon))) {
            return subject;
        }
        String kind = subject.substring(0, colon);
        String id = subject.substring(colon + 1);
        if (kind.equals("leader")) {
            var name = number(id).map(leaderNames::get);
            if (name.isPresent()) {
                return t.get("audit.subject.leaderNamed", name.get());
            }
        }
        return t.get("audit.subject." + kind, id);
    }

    /** The subject of another act in words: "lederen Anna", "kontoen ida@example.org", "vagt nr. 40". */
    private static String about(String subject, Map<Long, String> leaderNames, Map<Long, String> emails, Messages t) {
        int colon = subject.indexOf(':');
        if (colon < 0) {
            return subject;
        }
        String kind = subject.substring(0, colon);
        String id = subject.substring(colon + 1);
        return switch (kind) {
            case "leader" -> number(id).map(leaderNames::get).map(name -> t.get("audit.kind.leaderNamed", name))
                    .orElseGet(() -> t.get("audit.kind.leader", id));
            case "account" -> number(id).map(emails::get).map(email -> t.get("audit.kind.account", email))
                    .orElseGet(() -> t.get("audit.kind.accountNumbered", id));
            case "email" -> t.get("audit.kind.email");
            case "shift", "template", "callback", "phone" -> t.get("audit.kind." + kind, id);
            default -> subject;
        };
    }

    private static java.util.Optional<Long> number(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
