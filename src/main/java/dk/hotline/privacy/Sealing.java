package dk.hotline.privacy;

import java.util.Optional;

/**
 * What every feature that stores personal data needs: the cipher that seals it at rest, and the
 * blind index that finds it by value without opening it. Both come from the one encryption key,
 * and during a key rotation also from the previous one (read with either, write with the new).
 */
public record Sealing(PersonalDataCipher cipher, BlindIndex index) {
    public static Sealing of(EncryptionKey key) {
        return of(key, Optional.empty());
    }

    public static Sealing of(EncryptionKey current, Optional<EncryptionKey> previous) {
        return new Sealing(new PersonalDataCipher(current, previous), new BlindIndex(current, previous));
    }
}
