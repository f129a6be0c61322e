package dk.hotline.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit master key for personal data. It is never used directly: {@link PersonalDataCipher}
 * and {@link BlindIndex} each derive their own sub-key, so the two uses cannot interfere and the
 * raw key bytes never leave this package.
 */
public final class EncryptionKey {
    static final int LENGTH_BYTES = 32;
    static final int ID_BYTES = 4;
    private static final String ID_LABEL = "hotline/key-id/v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec master;

    private EncryptionKey(byte[] bytes) {
        this.master = new SecretKeySpec(bytes, HmacSha256.ALGORITHM);
    }

    /** A new random key. */
    public static EncryptionKey generate() {
        byte[] bytes = new byte[LENGTH_BYTES];
        RANDOM.nextBytes(bytes);
        return fromBytes(bytes);
    }

    /** Parses standard base64 of exactly 32 bytes. Error messages never echo the value. */
    public static EncryptionKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("encryption key is missing");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // Not chained: the decoder's message quotes the offending character.
            throw new IllegalArgumentException("encryption key is not valid base64");
        }
        if (bytes.length != LENGTH_BYTES) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalArgumentException(
                    "encryption key must be " + LENGTH_BYTES + " bytes (256 bits), got " + length);
        }
        return fromBytes(bytes);
    }

    /**
     * For local development runs only: reads the key from {@code file}, or creates the file with a
     * new random key, readable and writable by its owner alone (rw-------; on a file system without
     * POSIX permissions the file gets that file system's defaults). Production keys come from the
     * environment through {@link #fromBase64}.
     */
    public static EncryptionKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            EncryptionKey key = generate();
            try {
                write(file, key);
                return key;
            } catch (FileAlreadyExistsException e) {
                // Another process created it first; its key is the one data will be sealed with.
                return read(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create encryption key file " + file, e);
        }
    }

    private static EncryptionKey read(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            return fromBase64(content);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "encryption key file " + file + " is invalid: " + e.getMessage());
        }
    }

    private static void write(Path file, EncryptionKey key) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] encoded = Base64.getEncoder().encode(key.master.getEncoded());
        // CREATE_NEW with the permissions as a creation attribute: the file never exists with wider
        // access, not even briefly, and a concurrent creator fails instead of being overwritten.
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.write(file, encoded, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.write(file, encoded, StandardOpenOption.CREATE_NEW);
        }
        Arrays.fill(encoded, (byte) 0);
    }

    private static EncryptionKey fromBytes(byte[] bytes) {
        EncryptionKey key = new EncryptionKey(bytes);
        Arrays.fill(bytes, (byte) 0); // SecretKeySpec keeps its own copy
        return key;
    }

    /**
     * This key's public name: the first {@value #ID_BYTES} bytes of HMAC-SHA256(master, "hotline/key-id/v1").
     * Every value sealed from now on records it, so a reader knows which key sealed it and a start
     * with the wrong key can say so; it tells nothing about the key itself.
     */
    byte[] id() {
        byte[] full = HmacSha256.compute(master, ID_LABEL.getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(full, ID_BYTES);
    }

    /** {@link #id} in hex, for logs and messages (e.g. {@code 3fa9c2d1}). */
    public String idHex() {
        return hex(id());
    }

    static String hex(byte[] bytes) {
        var out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    /** HMAC-SHA256(master, label): one independent sub-key per purpose and version. */
    SecretKeySpec derive(String label, String algorithm) {
        byte[] sub = HmacSha256.compute(master, label.getBytes(StandardCharsets.UTF_8));
        try {
            return new SecretKeySpec(sub, algorithm);
        } finally {
            Arrays.fill(sub, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "EncryptionKey[redacted]";
    }
}
