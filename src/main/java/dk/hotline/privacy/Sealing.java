package dk.hotline.privacy;

/**
 * What every feature that stores personal data needs: the cipher that seals it at rest, and the
 * blind index that finds it by value without opening it. Both come from the one encryption key.
 */
public record Sealing(PersonalDataCipher cipher, BlindIndex index) {
    public static Sealing of(EncryptionKey key) {
        return new Sealing(new PersonalDataCipher(key), new BlindIndex(key));
    }
}
