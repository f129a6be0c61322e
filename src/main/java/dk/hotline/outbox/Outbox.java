package dk.hotline.outbox;

import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.DeliveryStatus;
import dk.hotline.twilio.OutboundSms;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Where features put outbound texts and calls. Each method writes in the caller's transaction
 * (the {@link Handle} it passes), so a message exists exactly when the change that caused it
 * does. The dedupe key turns "send this once" into a unique constraint.
 */
public final class Outbox {
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    public Outbox(PersonalDataCipher cipher, BlindIndex index, Clock clock) {
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    /**
     * Queues a text; returns its id, or nothing if one with this key was queued before. It is not
     * sent if the recipient has opted out by the time it is due (see {@link Suppressions}).
     */
    public Optional<Long> sms(Handle tx, MessageKind kind, String key, PhoneNumber to, String body, Instant notBefore) {
        return sms(tx, kind, key, to, body, notBefore, null, false);
    }

    /**
     * As {@link #sms}, for a text that is no use late: still pending at {@code notAfter} (retries
     * after 429/5xx, a backlog, downtime), it is cancelled rather than sent.
     */
    public Optional<Long> sms(Handle tx, MessageKind kind, String key, PhoneNumber to, String body, Instant notBefore,
                              Instant notAfter) {
        return sms(tx, kind, key, to, body, notBefore, notAfter, false);
    }

    /**
     * The one text sent even to a number that opted out: the confirmation of that STOP itself.
     * Every other text honours the opt-out.
     */
    public Optional<Long> stopConfirmation(Handle tx, String key, PhoneNumber to, String body, Instant notBefore) {
        return sms(tx, MessageKind.STOP, key, to, body, notBefore, null, true);
    }

    private Optional<Long> sms(Handle tx, MessageKind kind, String key, PhoneNumber to, String body, Instant notBefore,
                               Instant notAfter, boolean bypassOptOut) {
        if (kind.channel() != MessageKind.Channel.SMS) {
            throw new IllegalArgumentException(kind + " is not a text");
        }
        if (body.isBlank() || body.length() > OutboundSms.MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("a text must have 1 to " + OutboundSms.MAX_BODY_LENGTH + " characters");
        }
        Suppressions.reindex(tx, index, to);
        return tx.attach(OutboxDao.class).insert(kind.channel().code(), kind.code(), kind.dedupeKey(key), cipher.sealPhone(to),
                index.of(to), cipher.seal(body), null, notBefore, notAfter, bypassOptOut, clock.instant());
    }

    /**
     * Queues a call; when it is answered Twilio fetches TwiML from {@code twimlUrl} (a {@link
     * dk.hotline.twilio.Webhook}'s URL, under the public URL).
     */
    public Optional<Long> call(Handle tx, MessageKind kind, String key, PhoneNumber to, String twimlUrl, Instant notBefore) {
        if (kind.channel() != MessageKind.Channel.CALL) {
            throw new IllegalArgumentException(kind + " is not a call");
        }
        if (!twimlUrl.startsWith("/twilio/")) {
            throw new IllegalArgumentException("a call's TwiML URL must be a webhook under /twilio/");
        }
        Suppressions.reindex(tx, index, to);
        return tx.attach(OutboxDao.class).insert(kind.channel().code(), kind.code(), kind.dedupeKey(key), cipher.sealPhone(to),
                index.of(to), null, twimlUrl, notBefore, null, false, clock.instant());
    }

    /**
     * Twilio's word on how far a text or call we sent has come, from its status callback:
     * {@code outboxId} is the row the callback URL names. Callbacks come late and out of order, so
     * a status only replaces one that is less far along. True when it changed the row.
     */
    public boolean recordDelivery(Handle tx, String sid, Long outboxId, String status, Integer errorCode) {
        int rank = DeliveryStatus.rank(status).orElse(0);
        return tx.attach(OutboxDao.class).recordDelivery(sid, outboxId, status, rank, errorCode, clock.instant()) > 0;
    }

    /**
     * Forgets the words of the texts of {@code kind} whose key starts with {@code keyStart} (a
     * relayed text's copies to each leader, in all their parts), keeping the rows as counts: what
     * a data subject's erasure does to their words in texts addressed to someone else.
     */
    public int forgetWords(Handle tx, MessageKind kind, String keyStart) {
        return tx.createUpdate("""
                        UPDATE outbox SET body_sealed = NULL
                        WHERE message_kind = :kind AND starts_with(dedupe_key, :start) AND body_sealed IS NOT NULL""")
                .bind("kind", kind.code()).bind("start", kind.dedupeKey(keyStart)).execute();
    }
}
