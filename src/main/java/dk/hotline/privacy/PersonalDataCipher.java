package dk.hotline.privacy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data for storage with AES-256-GCM under a sub-key derived from the master key.
 *
 * <p>Sealed layout: {@code 2 | key id (4 bytes) | IV (12 random bytes) | ciphertext | tag (16 bytes)}.
 * The version byte and the key id are the GCM associated data, so neither can be altered without
 * detection. The key id ({@link EncryptionKey#idHex}) says which key sealed the value: during a key
 * rotation the cipher holds the current key and the previous one, opens with whichever sealed it
 * and always seals with the current one. Values sealed before key ids existed have the layout
 * {@code 1 | IV | ciphertext | tag}; they name no key, so each key given is tried in turn.
 *
 * <p>Thread-safe: each thread keeps its own {@link Cipher} (one cannot be shared), initialised
 * afresh for every value; a new one per value (a provider look-up, a key schedule) cost most of a seal.
 */
public final class PersonalDataCipher {
    static final String LABEL = "hotline/encryption/v1";
    /** Sealed before key ids: no key named. */
    static final byte VERSION_1 = 1;
    static final byte VERSION = 2;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    static final int HEADER_BYTES = 1 + EncryptionKey.ID_BYTES;
    private static final int MIN_LENGTH_1 = 1 + IV_BYTES + TAG_BITS / 8;
    private static final int MIN_LENGTH = HEADER_BYTES + IV_BYTES + TAG_BITS / 8;

    // Random 96-bit IVs are safe for about 2^32 seals per key, far beyond this service's volume.
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> CIPHERS = new ThreadLocal<>();

    /** The current key first, then the previous one during a rotation. */
    private final List<Key> keys;

    private record Key(byte[] id, SecretKeySpec spec) {}

    public PersonalDataCipher(EncryptionKey master) {
        this(master, Optional.empty());
    }

    /** Seals with {@code current}; opens what either key sealed. */
    public PersonalDataCipher(EncryptionKey current, Optional<EncryptionKey> previous) {
        var list = new ArrayList<Key>();
        list.add(new Key(current.id(), current.derive(LABEL, "AES")));
        previous.ifPresent(p -> list.add(new Key(p.id(), p.derive(LABEL, "AES"))));
        this.keys = List.copyOf(list);
    }

    /** Encrypts {@code plaintext} under the current key; two seals of the same text differ. Null for null. */
    public byte[] seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] header = currentHeader();
        byte[] encrypted = run(Cipher.ENCRYPT_MODE, keys.get(0).spec(), header, iv, encode(plaintext), 0);
        return ByteBuffer.allocate(header.length + IV_BYTES + encrypted.length)
                .put(header).put(iv).put(encrypted).array();
    }

    /** Decrypts what {@link #seal} produced under either key this cipher holds. Null for null. */
    public String open(byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        if (sealed.length < 1 || sealed[0] != VERSION_1 && sealed[0] != VERSION) {
            throw new PersonalDataException("sealed value has unknown version " + (sealed.length < 1 ? "(empty)" : sealed[0]));
        }
        return sealed[0] == VERSION_1 ? openVersion1(sealed) : openVersion2(sealed);
    }

    private String openVersion2(byte[] sealed) {
        if (sealed.length < MIN_LENGTH) {
            throw new PersonalDataException("sealed value is truncated (" + sealed.length + " bytes)");
        }
        byte[] header = Arrays.copyOf(sealed, HEADER_BYTES);
        byte[] id = Arrays.copyOfRange(sealed, 1, HEADER_BYTES);
        Key key = keys.stream().filter(k -> Arrays.equals(k.id(), id)).findFirst()
                .orElseThrow(() -> new PersonalDataException("sealed value was sealed under another key (key id "
                        + EncryptionKey.hex(id) + "; this service holds " + keyIds() + ")"));
        byte[] iv = Arrays.copyOfRange(sealed, HEADER_BYTES, HEADER_BYTES + IV_BYTES);
        return new String(run(Cipher.DECRYPT_MODE, key.spec(), header, iv, sealed, HEADER_BYTES + IV_BYTES),
                StandardCharsets.UTF_8);
    }

    /** No key id: each key in turn, the current one first. */
    private String openVersion1(byte[] sealed) {
        if (sealed.length < MIN_LENGTH_1) {
            throw new PersonalDataException("sealed value is truncated (" + sealed.length + " bytes)");
        }
        byte[] iv = Arrays.copyOfRange(sealed, 1, 1 + IV_BYTES);
        PersonalDataException last = null;
        for (Key key : keys) {
            try {
                return new String(run(Cipher.DECRYPT_MODE, key.spec(), new byte[] {VERSION_1}, iv, sealed, 1 + IV_BYTES),
                        StandardCharsets.UTF_8);
            } catch (PersonalDataException e) {
                last = e;
            }
        }
        throw last;
    }

    public byte[] sealPhone(PhoneNumber number) {
        return number == null ? null : seal(number.e164());
    }

    public PhoneNumber openPhone(byte[] sealed) {
        String e164 = open(sealed);
        return e164 == null ? null : PhoneNumber.parse(e164);
    }

    /** Whether {@code sealed} names the current key (false for null and for values without a key id). */
    public boolean isCurrent(byte[] sealed) {
        return sealed != null && sealed.length >= HEADER_BYTES
                && Arrays.equals(Arrays.copyOf(sealed, HEADER_BYTES), currentHeader());
    }

    /** The key id a sealed value names, in hex; empty for values sealed before key ids (and for null). */
    public static Optional<String> keyIdOf(byte[] sealed) {
        if (sealed == null || sealed.length < HEADER_BYTES || sealed[0] != VERSION) {
            return Optional.empty();
        }
        return Optional.of(EncryptionKey.hex(Arrays.copyOfRange(sealed, 1, HEADER_BYTES)));
    }

    /** The first bytes of every value the current key seals: version and key id, for finding the others in SQL. */
    byte[] currentHeader() {
        return ByteBuffer.allocate(HEADER_BYTES).put(VERSION).put(keys.get(0).id()).array();
    }

    /** Whether a previous key is held: a rotation is going on. */
    boolean rotating() {
        return keys.size() > 1;
    }

    /** The ids of the keys held, current first, in hex. */
    String keyIds() {
        return String.join(",", keys.stream().map(k -> EncryptionKey.hex(k.id())).toList());
    }

    private static byte[] run(int mode, SecretKeySpec key, byte[] aad, byte[] iv, byte[] input, int offset) {
        try {
            Cipher cipher = CIPHERS.get();
            if (cipher == null) {
                cipher = Cipher.getInstance(TRANSFORMATION);
                CIPHERS.set(cipher);
            }
            // init forgets whatever the thread's last value left (a failed open included).
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
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
        return "PersonalDataCipher[" + LABEL + ", keys " + keyIds() + "]";
    }
}
