package dk.hotline.demo;

import dk.hotline.outbox.MessageKind;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.privacy.Sealing;
import dk.hotline.twilio.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import org.jdbi.v3.core.Handle;

/**
 * The rows of the demo's history that several features share the shape of: a text the service sent
 * (an outbox row that went and was delivered) and a text it received. Numbers and words are sealed
 * with the service's own key, as the features seal them; nothing here is logged.
 */
final class DemoWrites {
    private static final int DELIVERED = DeliveryStatus.rank("delivered").orElseThrow();

    private final Handle tx;
    private final Sealing sealing;
    private final Random random;
    private int keys;

    DemoWrites(Handle tx, Sealing sealing, Random random) {
        this.tx = tx;
        this.sealing = sealing;
        this.random = random;
    }

    Handle tx() {
        return tx;
    }

    Random random() {
        return random;
    }

    byte[] seal(String words) {
        return sealing.cipher().seal(words);
    }

    byte[] seal(PhoneNumber phone) {
        return sealing.cipher().sealPhone(phone);
    }

    byte[] index(PhoneNumber phone) {
        return sealing.index().of(phone);
    }

    /** A Twilio-shaped id: two letters and 32 hex digits ({@code CA…} a call, {@code SM…} a text). */
    String sid(String prefix) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /**
     * A text queued at {@code at} and delivered a few seconds later. {@code keyPrefix} is what the
     * feature's own dedupe keys start with for this kind; the rest names it as the demo's.
     */
    void sent(MessageKind kind, String keyPrefix, PhoneNumber to, String body, Instant at) {
        Instant sentAt = at.plusSeconds(2);
        tx.createUpdate("""
                INSERT INTO outbox (kind, message_kind, dedupe_key, recipient_sealed, recipient_index, body_sealed, status,
                                    attempts, not_before, claimed_at, sent_at, twilio_sid, delivery_status, delivery_rank,
                                    created_at, updated_at)
                VALUES ('sms', :kind, :key, :recipientSealed, :recipientIndex, :body, 'sent', 1, :at, :at, :sentAt, :sid,
                        'delivered', :rank, :at, :deliveredAt)""")
                .bind("kind", kind.code()).bind("key", keyPrefix + ":demo-" + (++keys))
                .bind("recipientSealed", seal(to)).bind("recipientIndex", index(to)).bind("body", seal(body))
                .bind("at", at).bind("sentAt", sentAt).bind("sid", sid("SM")).bind("rank", DELIVERED)
                .bind("deliveredAt", sentAt.plus(Duration.ofSeconds(3)))
                .execute();
    }

    /** A text that reached the service at {@code at}; returns its MessageSid. */
    String received(boolean fromLeader, Instant at) {
        String sid = sid("SM");
        tx.createUpdate("INSERT INTO sms_inbound (message_sid, from_leader, received_at) VALUES (:sid, :leader, :at)")
                .bind("sid", sid).bind("leader", fromLeader).bind("at", at).execute();
        return sid;
    }

    /** A whole number from {@code from} to {@code to}, both included. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
