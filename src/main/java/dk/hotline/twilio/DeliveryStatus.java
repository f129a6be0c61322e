package dk.hotline.twilio;

import java.util.Map;
import java.util.Optional;

/**
 * Twilio's message and call statuses ranked by how far along they are, so that a late callback
 * ("sent" after "delivered") never moves a row backwards.
 */
public final class DeliveryStatus {
    private static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("accepted", 1), Map.entry("scheduled", 1), Map.entry("queued", 1),
            Map.entry("initiated", 2), Map.entry("sending", 2), Map.entry("ringing", 3), Map.entry("sent", 3),
            Map.entry("in-progress", 4),
            Map.entry("delivered", 5), Map.entry("undelivered", 5), Map.entry("failed", 5),
            Map.entry("completed", 5), Map.entry("busy", 5), Map.entry("no-answer", 5), Map.entry("canceled", 5),
            Map.entry("read", 6));

    private DeliveryStatus() {}

    /** The rank of a known status; nothing for a status Twilio may add later. */
    public static Optional<Integer> rank(String status) {
        return Optional.ofNullable(status == null ? null : RANKS.get(status.toLowerCase()));
    }
}
