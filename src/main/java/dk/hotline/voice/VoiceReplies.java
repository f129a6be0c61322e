package dk.hotline.voice;

import dk.hotline.db.Jdbc;
import dk.hotline.privacy.PersonalDataCipher;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Makes a state-changing voice webhook idempotent on CallSid + step: the first answer is stored
 * (sealed: it may hold a leader's number) in the same transaction as the change, and a Twilio
 * retry of the same request gets that answer back, with nothing it did kept.
 *
 * <p>The answer is stored without looking first: a retry is rare, and a read before every answer
 * was a round trip on every call. A retry acts all the same, finds the answer stored when it goes
 * to store its own ({@link #store} throws {@link Answered}), and the caller's transaction rolls
 * back what it did. The unique key makes a retry that runs at the same moment as the first request
 * wait for it, so it too sees that answer, rather than acting on a row that is not there to lock.
 */
final class VoiceReplies {
    private final PersonalDataCipher cipher;
    private final Clock clock;

    VoiceReplies(PersonalDataCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    /** This request was answered before: roll back, and send {@link #stored} instead. */
    static final class Answered extends RuntimeException {
        Answered() {
            super("answered before", null, false, false);
        }
    }

    /** Stores {@code xml} as the answer to this request and returns it; {@link Answered} when one is stored already. */
    String store(Handle tx, String callSid, String requestKey, String xml) {
        int stored = Jdbc.update(tx, """
                INSERT INTO voice_replies (call_sid, request_key, reply_sealed, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", callSid, requestKey, cipher.seal(xml), clock.instant());
        if (stored == 0) {
            throw new Answered();
        }
        return xml;
    }

    /** The answer stored for this request, if any. */
    Optional<String> stored(Handle handle, String callSid, String requestKey) {
        return Jdbc.first(handle, "SELECT reply_sealed FROM voice_replies WHERE call_sid = ? AND request_key = ?",
                rs -> rs.getBytes(1), callSid, requestKey).map(cipher::open);
    }
}
