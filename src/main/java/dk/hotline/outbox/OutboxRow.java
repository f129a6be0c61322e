package dk.hotline.outbox;

import java.util.UUID;

/**
 * A claimed row as the dispatcher needs it: still sealed, opened only to send. {@code claimToken}
 * is this claim's own; its outcome is recorded only while the row still holds it.
 */
public record OutboxRow(long id, String kind, byte[] recipientSealed, byte[] bodySealed, String twimlPath, int attempts,
                        UUID claimToken) {}
