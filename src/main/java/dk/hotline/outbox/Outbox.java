package dk.hotline.outbox;

import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
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
    public Optional<Long> sms(Handle tx, String dedupeKey, PhoneNumber to, String body, Instant notBefore) {
        return sms(tx, dedupeKey, to, body, notBefore, null, false);
    }

    /**
     * As {@link #sms}, for a text that is no use late: still pending at {@code notAfter} (retries
     * after 429/5xx, a backlog, downtime), it is cancelled rather than sent.
     */
    public Optional<Long> sms(Handle tx, String dedupeKey, PhoneNumber to, String body, Instant notBefore, Instant notAfter) {
        return sms(tx, dedupeKey, to, body, notBefore, notAfter, false);
    }

    /**
     * As {@link #sms}, but sent even to a number that opted out. Only for the one confirmation of
     * a STOP itself: every other text must honour the opt-out.
     */
    public Optional<Long> smsIgnoringOptOut(Handle tx, String dedupeKey, PhoneNumber to, String body, Instant notBefore) {
        return sms(tx, dedupeKey, to, body, notBefore, null, true);
    }

    private Optional<Long> sms(Handle tx, String dedupeKey, PhoneNumber to, String body, Instant notBefore, Instant notAfter,
                               boolean bypassOptOut) {
        if (body.isBlank() || body.length() > OutboundSms.MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("a text must have 1 to " + OutboundSms.MAX_BODY_LENGTH + " characters");
        }
        return tx.attach(OutboxDao.class).insert("sms", dedupeKey, cipher.sealPhone(to), index.of(to),
                cipher.seal(body), null, notBefore, notAfter, bypassOptOut, clock.instant());
    }

    /**
     * Queues a call; when it is answered Twilio fetches TwiML from {@code twimlPath} (a path under
     * the public URL, e.g. {@code /twilio/voice/callback/42}).
     */
    public Optional<Long> call(Handle tx, String dedupeKey, PhoneNumber to, String twimlPath, Instant notBefore) {
        if (!twimlPath.startsWith("/twilio/")) {
            throw new IllegalArgumentException("a call's TwiML path must be under /twilio/");
        }
        return tx.attach(OutboxDao.class).insert("call", dedupeKey, cipher.sealPhone(to), index.of(to),
                null, twimlPath, notBefore, null, false, clock.instant());
    }
}
