package dk.hotline.privacy;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed, deterministic fingerprint of a phone number, stored beside its ciphertext so that
 * "do we know this caller?" is an indexed equality lookup instead of decrypting every row.
 * Keyed (not a plain hash) because the space of phone numbers is small enough to brute-force.
 * Thread-safe.
 */
public final class BlindIndex {
    static final String LABEL = "hotline/blind-index/v1";

    private final SecretKeySpec key;

    public BlindIndex(EncryptionKey master) {
        this.key = master.derive(LABEL, HmacSha256.ALGORITHM);
    }

    /** HMAC-SHA256 of the E.164 form, 32 bytes; null for null, for optional columns. */
    public byte[] of(PhoneNumber number) {
        if (number == null) {
            return null;
        }
        return HmacSha256.compute(key, number.e164().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "BlindIndex[" + LABEL + "]";
    }
}
