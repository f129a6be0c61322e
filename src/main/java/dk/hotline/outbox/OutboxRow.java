package dk.hotline.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed row as the dispatcher needs it: still sealed, opened only to send. {@code claimToken}
 * is this claim's own; its outcome is recorded only while the row still holds it.
 *
 * @param outcomeUnknownSince when an earlier attempt began that may have reached Twilio without
 *     our learning it (its sender died, or no answer came); {@code null} when there was none
 */
record OutboxRow(long id, String kind, byte[] recipientSealed, byte[] bodySealed, String twimlPath, int attempts,
                        UUID claimToken, Instant outcomeUnknownSince) {
    /** How this row goes out ({@code kind} is its code, as logs and metrics show it). */
    MessageKind.Channel channel() {
        return MessageKind.Channel.of(kind);
    }
}
