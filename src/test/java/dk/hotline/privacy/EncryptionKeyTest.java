package dk.hotline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptionKeyTest {
    private static final String VALID = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    @TempDir
    Path dir;

    @Test
    void acceptsBase64Of32Bytes() {
        assertThat(EncryptionKey.fromBase64(VALID)).isNotNull();
        assertThat(EncryptionKey.fromBase64("  " + VALID + "\n")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "c2hvcnQta2V5LXNlY3JldA==", // 16 bytes: too short
        "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJCrze8S", // 36 bytes: too long
        "not base64 at all: hunter2!", // invalid characters
        "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJ-_", // URL-safe alphabet
        "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA==" // broken padding
    })
    void rejectsWrongValuesWithoutEchoingThem(String value) {
        assertThatThrownBy(() -> EncryptionKey.fromBase64(value))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value).doesNotContain("hunter2"))
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    @Test
    void rejectsMissingValue() {
        assertThatThrownBy(() -> EncryptionKey.fromBase64(null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> EncryptionKey.fromBase64(" ")).hasMessageContaining("missing");
    }

    @Test
    void toStringDoesNotRevealTheKey() {
        assertThat(EncryptionKey.fromBase64(VALID).toString()).doesNotContain(VALID).doesNotContain("q83v");
    }

    @Test
    void loadOrCreateWritesAnOwnerOnlyFileInNewDirectories() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("nested/secrets/hotline.key");

        EncryptionKey.loadOrCreate(file);

        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    }

    @Test
    void loadOrCreateReturnsTheSameKeyOnTheNextRun() {
        Path file = dir.resolve("hotline.key");
        EncryptionKey first = EncryptionKey.loadOrCreate(file);
        byte[] sealed = new PersonalDataCipher(first).seal("Jeg har brug for hjælp");

        EncryptionKey second = EncryptionKey.loadOrCreate(file);

        assertThat(new PersonalDataCipher(second).open(sealed)).isEqualTo("Jeg har brug for hjælp");
        PhoneNumber number = PhoneNumber.parse("20123456");
        assertThat(new BlindIndex(second).of(number)).isEqualTo(new BlindIndex(first).of(number));
    }

    @Test
    void loadOrCreateReadsAKeyWrittenByHand() throws Exception {
        Path file = dir.resolve("hotline.key");
        Files.writeString(file, VALID + "\n");
        PhoneNumber number = PhoneNumber.parse("20123456");

        assertThat(new BlindIndex(EncryptionKey.loadOrCreate(file)).of(number))
                .isEqualTo(new BlindIndex(EncryptionKey.fromBase64(VALID)).of(number));
    }

    @Test
    void loadOrCreateRejectsACorruptFileWithoutEchoingIt() throws Exception {
        Path file = dir.resolve("hotline.key");
        Files.writeString(file, "c2hvcnQta2V5LXNlY3JldA==");

        assertThatThrownBy(() -> EncryptionKey.loadOrCreate(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("c2hvcnQta2V5LXNlY3JldA"));
    }

    @Test
    void generatedKeysDiffer() {
        PhoneNumber number = PhoneNumber.parse("20123456");

        assertThat(new BlindIndex(EncryptionKey.generate()).of(number))
                .isNotEqualTo(new BlindIndex(EncryptionKey.generate()).of(number));
    }

    @Test
    void encryptionAndBlindIndexUseDifferentSubKeysThanTheMasterKey() {
        EncryptionKey key = EncryptionKey.fromBase64(VALID);
        byte[] master = Base64.getDecoder().decode(VALID);

        byte[] encryption = key.derive(PersonalDataCipher.LABEL, "AES").getEncoded();
        byte[] index = key.derive(BlindIndex.LABEL, "HmacSHA256").getEncoded();

        assertThat(encryption).hasSize(32).isNotEqualTo(index).isNotEqualTo(master);
        assertThat(index).hasSize(32).isNotEqualTo(master);
    }

    @Test
    void aKeysIdIsStableShortAndNotTheKey() {
        EncryptionKey key = EncryptionKey.fromBase64(VALID);

        assertThat(key.idHex()).matches("[0-9a-f]{8}").isEqualTo(EncryptionKey.fromBase64(VALID).idHex())
                .isNotEqualTo(EncryptionKey.generate().idHex());
        assertThat(java.util.HexFormat.of().formatHex(Base64.getDecoder().decode(VALID))).doesNotContain(key.idHex());
        assertThat(key.toString()).doesNotContain(key.idHex());
    }
}
