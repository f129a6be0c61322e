package dk.hotline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataCipherTest {
    private static final String SECRET = "Han slog mig igen i går. Ring ikke før kl. 17";
    private static final PhoneNumber PHONE = PhoneNumber.parse("20 12 34 56");

    private final EncryptionKey key = EncryptionKey.generate();
    private final PersonalDataCipher cipher = new PersonalDataCipher(key);

    @ParameterizedTest
    @ValueSource(strings = {"", "hej", "Æbler, øl og ål — ÆØÅ æøå", "Tak 🙏❤️ 🏳️‍🌈", SECRET})
    void opensWhatItSealed(String text) {
        assertThat(cipher.open(cipher.seal(text))).isEqualTo(text);
    }

    @Test
    void roundTripsPhoneNumbers() {
        assertThat(cipher.openPhone(cipher.sealPhone(PHONE))).isEqualTo(PHONE);
    }

    @Test
    void nullStaysNullForOptionalColumns() {
        assertThat(cipher.seal(null)).isNull();
        assertThat(cipher.open(null)).isNull();
        assertThat(cipher.sealPhone(null)).isNull();
        assertThat(cipher.openPhone(null)).isNull();
    }

    @Test
    void sealingTheSameTextTwiceGivesDifferentBytes() {
        assertThat(cipher.seal(SECRET)).isNotEqualTo(cipher.seal(SECRET));
        assertThat(cipher.sealPhone(PHONE)).isNotEqualTo(cipher.sealPhone(PHONE));
    }

    @Test
    void sealedBytesDoNotContainThePlaintext() {
        String sealed = new String(cipher.seal(SECRET), StandardCharsets.ISO_8859_1);
        String sealedPhone = new String(cipher.sealPhone(PHONE), StandardCharsets.ISO_8859_1);

        assertThat(sealed).doesNotContain("slog").doesNotContain("Ring");
        assertThat(sealedPhone).doesNotContain("20123456").doesNotContain("123456").doesNotContain("+45");
    }

    @Test
    void layoutIsVersionThenKeyIdThenIvThenCiphertextAndTag() {
        byte[] sealed = cipher.seal("hej");

        assertThat(sealed[0]).isEqualTo((byte) 2);
        assertThat(PersonalDataCipher.keyIdOf(sealed)).contains(key.idHex());
        assertThat(sealed).hasSize(1 + 4 + 12 + 3 + 16);
    }

    @Test
    void anyFlippedByteFailsToOpenWithoutRevealingThePlaintext() {
        byte[] sealed = cipher.seal(SECRET);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;

            assertThatThrownBy(() -> cipher.open(tampered))
                    .as("byte %d flipped", i)
                    .isInstanceOf(PersonalDataException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("slog"));
        }
    }

    @Test
    void aFailedOpenLeavesTheThreadAbleToSealAndOpen() {
        byte[] sealed = cipher.seal(SECRET);
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 0x01;
        assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(PersonalDataException.class);

        assertThat(cipher.open(sealed)).isEqualTo(SECRET);
        assertThat(cipher.open(cipher.seal("næste"))).isEqualTo("næste");
    }

    @Test
    void truncatedValueFailsToOpen() {
        byte[] sealed = cipher.seal(SECRET);

        assertThatThrownBy(() -> cipher.open(Arrays.copyOf(sealed, sealed.length - 1)))
                .isInstanceOf(PersonalDataException.class);
        assertThatThrownBy(() -> cipher.open(new byte[] {1, 2, 3}))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void aDifferentKeyCannotOpen() {
        byte[] sealed = cipher.sealPhone(PHONE);
        PersonalDataCipher other = new PersonalDataCipher(EncryptionKey.generate());

        assertThatThrownBy(() -> other.openPhone(sealed))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("another key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("20123456"));
    }

    @Test
    void followsTheDocumentedFormatSoOtherToolsCanDecrypt() throws Exception {
        String base64 = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
        byte[] sealed = new PersonalDataCipher(EncryptionKey.fromBase64(base64)).seal(SECRET);

        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(Base64.getDecoder().decode(base64), "HmacSHA256"));
        byte[] subKey = hmac.doFinal("hotline/encryption/v1".getBytes(StandardCharsets.UTF_8));
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(subKey, "AES"),
                new GCMParameterSpec(128, sealed, 5, 12));
        aes.updateAAD(Arrays.copyOf(sealed, 5));
        byte[] plain = aes.doFinal(sealed, 17, sealed.length - 17);
        byte[] keyId = Arrays.copyOf(hmac.doFinal("hotline/key-id/v1".getBytes(StandardCharsets.UTF_8)), 4);
        assertThat(Arrays.copyOfRange(sealed, 1, 5)).isEqualTo(keyId);

        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(SECRET);
    }

    @Test
    void oneInstanceServesManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String text = "besked " + i + " æøå";
                tasks.add(() -> text.equals(cipher.open(cipher.seal(text))));
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toStringDoesNotRevealKeyMaterial() {
        assertThat(cipher.toString()).doesNotContainPattern("[A-Za-z0-9+/]{40,}");
    }

    @Test
    void duringARotationOpensUnderEitherKeyAndSealsUnderTheNewOne() {
        EncryptionKey next = EncryptionKey.generate();
        byte[] underOld = cipher.seal(SECRET);
        var rotating = new PersonalDataCipher(next, java.util.Optional.of(key));

        assertThat(rotating.open(underOld)).isEqualTo(SECRET);
        byte[] underNew = rotating.seal(SECRET);
        assertThat(PersonalDataCipher.keyIdOf(underNew)).contains(next.idHex());
        assertThat(rotating.isCurrent(underNew)).isTrue();
        assertThat(rotating.isCurrent(underOld)).isFalse();
        assertThatThrownBy(() -> cipher.open(underNew)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("another key").hasMessageContaining(next.idHex());
    }

    @Test
    void aValueSealedBeforeKeyIdsOpensWithWhicheverKeySealedIt() throws Exception {
        byte[] version1 = sealAsVersion1(key, SECRET);

        assertThat(cipher.open(version1)).isEqualTo(SECRET);
        assertThat(new PersonalDataCipher(EncryptionKey.generate(), java.util.Optional.of(key)).open(version1)).isEqualTo(SECRET);
        assertThat(PersonalDataCipher.keyIdOf(version1)).isEmpty();
        assertThatThrownBy(() -> new PersonalDataCipher(EncryptionKey.generate()).open(version1))
                .isInstanceOf(PersonalDataException.class).hasMessageContaining("another key");
    }

    /** The layout before key ids: {@code 1 | IV | ciphertext | tag}, the version byte as associated data. */
    static byte[] sealAsVersion1(EncryptionKey master, String text) throws Exception {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] iv = new byte[12];
        new java.security.SecureRandom().nextBytes(iv);
        aes.init(Cipher.ENCRYPT_MODE, master.derive("hotline/encryption/v1", "AES"), new GCMParameterSpec(128, iv));
        aes.updateAAD(new byte[] {1});
        byte[] encrypted = aes.doFinal(text.getBytes(StandardCharsets.UTF_8));
        return java.nio.ByteBuffer.allocate(1 + 12 + encrypted.length).put((byte) 1).put(iv).put(encrypted).array();
    }
}
