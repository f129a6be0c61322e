package dk.hotline.outbox;

/** A claimed row as the dispatcher needs it: still sealed, opened only to send. */
public record OutboxRow(long id, String kind, byte[] recipientSealed, byte[] bodySealed, String twimlPath, int attempts) {}
