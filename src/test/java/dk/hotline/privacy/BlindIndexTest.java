package dk.hotline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class BlindIndexTest {
    private final EncryptionKey key = EncryptionKey.generate();
    private final BlindIndex index = new BlindIndex(key);

    @Test
    void sameNumberWrittenDifferentlyGivesTheSameIndex() {
        byte[] spaced = index.of(PhoneNumber.parse("20 12 34 56"));

        assertThat(index.of(PhoneNumber.parse("+4520123456"))).isEqualTo(spaced);
        assertThat(index.of(PhoneNumber.parse("0045 20123456"))).isEqualTo(spaced);
        assertThat(new BlindIndex(key).of(PhoneNumber.parse("20123456"))).isEqualTo(spaced);
    }

    @Test
    void differentNumbersGiveDifferentIndexes() {
        assertThat(index.of(PhoneNumber.parse("20123456")))
                .isNotEqualTo(index.of(PhoneNumber.parse("20123457")));
    }

    @Test
    void differentKeysGiveDifferentIndexes() {
        PhoneNumber number = PhoneNumber.parse("20123456");

        assertThat(new BlindIndex(EncryptionKey.generate()).of(number)).isNotEqualTo(index.of(number));
    }

    @Test
    void isNotAPlainHashAndDoesNotContainTheNumber() throws Exception {
        PhoneNumber number = PhoneNumber.parse("20123456");
        byte[] plainHash = java.security.MessageDigest.getInstance("SHA-256")
                .digest(number.e164().getBytes(StandardCharsets.US_ASCII));

        byte[] value = index.of(number);

        assertThat(value).hasSize(32).isNotEqualTo(plainHash);
        assertThat(new String(value, StandardCharsets.ISO_8859_1)).doesNotContain("123456");
    }

    @Test
    void isHmacOfE164UnderTheDocumentedSubKey() throws Exception {
        String base64 = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
        byte[] subKey = hmac(Base64.getDecoder().decode(base64), "hotline/blind-index/v1");

        assertThat(new BlindIndex(EncryptionKey.fromBase64(base64)).of(PhoneNumber.parse("20 12 34 56")))
                .isEqualTo(hmac(subKey, "+4520123456"));
    }

    @Test
    void differsFromTheCiphertextKeyDerivation() throws Exception {
        String base64 = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
        byte[] encryptionSubKey = hmac(Base64.getDecoder().decode(base64), "hotline/encryption/v1");

        assertThat(new BlindIndex(EncryptionKey.fromBase64(base64)).of(PhoneNumber.parse("20123456")))
                .isNotEqualTo(hmac(encryptionSubKey, "+4520123456"));
    }

    @Test
    void nullStaysNull() {
        assertThat(index.of(null)).isNull();
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void duringARotationANumberIsFoundUnderTheNewIndexFirstThenTheOld() {
        PhoneNumber number = PhoneNumber.parse("20123456");
        EncryptionKey next = EncryptionKey.generate();
        var rotating = new BlindIndex(next, java.util.Optional.of(key));

        assertThat(rotating.of(number)).isEqualTo(new BlindIndex(next).of(number));
        assertThat(rotating.candidates(number).values()).containsExactly(new BlindIndex(next).of(number), index.of(number));
        assertThat(index.candidates(number).values()).containsExactly(index.of(number));
        assertThat(rotating.candidates(number).matches(index.of(number))).isTrue();
        assertThat(rotating.candidates(null).values()).isEmpty();
    }
}
