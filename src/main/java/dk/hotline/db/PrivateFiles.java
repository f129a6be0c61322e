package dk.hotline.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Folders and files only the service's OS user may read: the embedded database's data, its
 * programs and its password. On a file system without POSIX permissions they get its defaults.
 */
final class PrivateFiles {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates the folder (owner only from its first moment), or narrows an existing one to its owner. */
    static Path folder(Path dir) throws IOException {
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        boolean posix = posix(dir);
        try {
            if (posix) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(FOLDER));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // made by an earlier start (or an older version, with wider access): narrowed below
        }
        if (posix) {
            Files.setPosixFilePermissions(dir, FOLDER);
        }
        return dir;
    }

    /**
     * The secret in {@code file}, or a new random one written there first. The file is created
     * with its owner-only mode (CREATE_NEW with the mode as a creation attribute), so it never
     * exists readable by others, not even for a moment.
     */
    static String secret(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        // URL-safe base64: no quote, backslash or colon to escape in a connection string or a pwfile.
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            FileAttribute<?>[] attributes = posix(file)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
            Files.createFile(file, attributes);
        } catch (FileAlreadyExistsException e) {
            return read(file);
        }
        Files.writeString(file, secret, StandardOpenOption.TRUNCATE_EXISTING);
        return secret;
    }

    /** Replaces {@code file}'s content in one step: a reader sees the old file or the new, never half. */
    static void replace(Path file, String content) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.deleteIfExists(next);
        if (posix(file)) {
            Files.createFile(next, PosixFilePermissions.asFileAttribute(FILE));
        }
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String read(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
        String secret = Files.readString(file).strip();
        if (secret.isEmpty()) {
            throw new IOException(file + " is empty; delete it only together with the database it belongs to");
        }
        return secret;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
