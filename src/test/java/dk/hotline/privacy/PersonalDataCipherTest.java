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
    void layoutIsVersionThenIvThenCiphertextAndTag() {
        byte[] sealed = cipher.seal("hej");

        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(sealed).hasSize(1 + 12 + 3 + 16);
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
                new GCMParameterSpec(128, sealed, 1, 12));
        aes.updateAAD(new byte[] {sealed[0]});
        byte[] plain = aes.doFinal(sealed, 13, sealed.length - 13);

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
}
