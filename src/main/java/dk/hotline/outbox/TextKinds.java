package dk.hotline.outbox;

import java.util.Map;

/**
 * What an outgoing text was for, read from the start of its dedupe key (the part before the first
 * ':'), which every feature sets when it queues a text. An unknown start reads as {@code other}.
 */
public final class TextKinds {
    public static final String OTHER = "other";

    private static final Map<String, String> BY_PREFIX = Map.ofEntries(
            Map.entry("reminder", "reminder"),
            Map.entry("attendance", "attendance"),
            Map.entry("session-cancelled", "session-cancelled"),
            Map.entry("session-moved", "session-moved"),
            Map.entry("group-invite", "group-invite"),
            Map.entry("followup", "followup"),
            Map.entry("relay-in", "relay-in"),
            Map.entry("relay-out", "relay-out"),
            Map.entry("auto-reply", "auto-reply"),
            Map.entry("media-notice", "media-notice"),
            Map.entry("taken", "conversation-taken"),
            Map.entry("leader-reply", "leader-reply"),
            Map.entry("stop", "stop"),
            Map.entry("start", "start"),
            Map.entry("help", "help"),
            Map.entry("ring", "callback-confirmed"),
            Map.entry("group", "group-interest"),
            Map.entry("callback-requested", "callback-request"),
            Map.entry("voicemail", "voicemail-notice"),
            Map.entry("rota-gaps", "rota-gaps"));

    private TextKinds() {
    }

    public static String of(String dedupeKey) {
        int colon = dedupeKey.indexOf(':');
        return BY_PREFIX.getOrDefault(colon < 0 ? dedupeKey : dedupeKey.substring(0, colon), OTHER);
    }
}
