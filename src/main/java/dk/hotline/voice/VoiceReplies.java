package dk.hotline.voice;

import dk.hotline.db.Jdbc;
import dk.hotline.privacy.PersonalDataCipher;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Makes a state-changing voice webhook idempotent on CallSid + step: the first answer is stored
 * (sealed: it may hold a leader's number) in the same transaction as the change, and a Twilio
 * retry of the same request gets that answer back without acting again.
 */
final class VoiceReplies {
    private final PersonalDataCipher cipher;
    private final Clock clock;

    VoiceReplies(PersonalDataCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    String once(Handle tx, String callSid, String requestKey, Supplier<String> act) {
        Optional<byte[]> earlier = Jdbc.first(tx, "SELECT reply_sealed FROM voice_replies WHERE call_sid = ? AND request_key = ? FOR UPDATE",
                rs -> rs.getBytes(1), callSid, requestKey);
        if (earlier.isPresent()) {
            return cipher.open(earlier.get());
        }
        String xml = act.get();
        Jdbc.update(tx, """
                INSERT INTO voice_replies (call_sid, request_key, reply_sealed, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", callSid, requestKey, cipher.seal(xml), clock.instant());
        return xml;
    }
}
