package dk.hotline.privacy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data for storage with AES-256-GCM under a sub-key derived from the master key.
 *
 * <p>Sealed layout: {@code version (1 byte) | IV (12 random bytes) | ciphertext | tag (16 bytes)}.
 * The version byte is also the GCM associated data, so it cannot be altered without detection,
 * and lets a later version change algorithm or key while old rows stay readable.
 *
 * <p>Thread-safe: a {@link Cipher} is created per call, since one instance cannot be shared.
 */
public final class PersonalDataCipher {
    static final String LABEL = "hotline/encryption/v1";
    static final byte VERSION = 1;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int MIN_LENGTH = 1 + IV_BYTES + TAG_BITS / 8;

    // Random 96-bit IVs are safe for about 2^32 seals per key, far beyond this service's volume.
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public PersonalDataCipher(EncryptionKey master) {
        this.key = master.derive(LABEL, "AES");
    }

    /** Encrypts {@code plaintext}; two seals of the same text differ. Null for null. */
    public byte[] seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] encrypted = run(Cipher.ENCRYPT_MODE, iv, encode(plaintext), 0);
        return ByteBuffer.allocate(1 + IV_BYTES + encrypted.length)
                .put(VERSION).put(iv).put(encrypted).array();
    }

    /** Decrypts what {@link #seal} produced. Null for null. */
    public String open(byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        if (sealed.length < MIN_LENGTH) {
            throw new PersonalDataException("sealed value is truncated (" + sealed.length + " bytes)");
        }
        if (sealed[0] != VERSION) {
            throw new PersonalDataException("sealed value has unknown version " + sealed[0]);
        }
        byte[] iv = new byte[IV_BYTES];
        System.arraycopy(sealed, 1, iv, 0, IV_BYTES);
        byte[] plain = run(Cipher.DECRYPT_MODE, iv, sealed, 1 + IV_BYTES);
        return new String(plain, StandardCharsets.UTF_8);
    }

    public byte[] sealPhone(PhoneNumber number) {
        return number == null ? null : seal(number.e164());
    }

    public PhoneNumber openPhone(byte[] sealed) {
        String e164 = open(sealed);
        return e164 == null ? null : PhoneNumber.parse(e164);
    }

    private byte[] run(int mode, byte[] iv, byte[] input, int offset) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(new byte[] {VERSION});
            return cipher.doFinal(input, offset, input.length - offset);
        } catch (AEADBadTagException e) {
            throw new PersonalDataException(
                    "sealed value failed authentication: altered, or sealed under another key");
        } catch (GeneralSecurityException e) {
            // JCE messages describe parameters, never the data, so the cause is safe to keep.
            throw new PersonalDataException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open")
                    + " personal data", e);
        }
    }

    /** Strict UTF-8, so that a string with a broken surrogate fails instead of turning into '?'. */
    private static byte[] encode(String plaintext) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(plaintext));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new PersonalDataException("plaintext is not valid Unicode text");
        }
    }

    @Override
    public String toString() {
        return "PersonalDataCipher[" + LABEL + "]";
    }
}
