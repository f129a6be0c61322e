package dk.hotline.sms;

import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PersonalDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts that came while the database could not take them, kept on this instance's disk until it
 * can: one file per MessageSid (never a number in a file name), holding the webhook's fields and
 * when they came, sealed with the service's key. A file is written whole or not at all (a temp
 * file, fsync'd, renamed over, the folder fsync'd), so a crash never leaves half a text.
 */
final class SmsSpool {
    private static final Logger log = LoggerFactory.getLogger(SmsSpool.class);
    /** What {@code WebhookParams.sid} accepts of a MessageSid: safe as a file name as it is. */
    private static final Pattern SID = Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");
    private static final String TEMP = ".tmp";
    private static final String FORMAT = "sms-spool/1";

    /** One text waiting: its MessageSid, when it came, and the webhook's fields as they came. */
    record SpooledText(String sid, Instant receivedAt, Map<String, String> fields) {}

    private final Path dir;
    private final PersonalDataCipher cipher;

    private SmsSpool(Path dir, PersonalDataCipher cipher) {
        this.dir = dir;
        this.cipher = cipher;
    }

    /** The spool in {@code dir}, made (owner only) if missing; temp files a crash left are removed. */
    static SmsSpool open(Path dir, PersonalDataCipher cipher) {
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            boolean posix = posix(dir);
            try {
                Files.createDirectory(dir, attributes(posix, "rwx------"));
            } catch (FileAlreadyExistsException e) {
                // kept from an earlier start, with texts that may still wait in it
            }
            if (posix) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "*" + TEMP)) {
                for (Path temp : temps) {
                    // A write that never reached its rename: that webhook was never answered 200.
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the text spool " + dir + " cannot be used", e);
        }
        return new SmsSpool(dir, cipher);
    }

    /** Keeps a text; the same MessageSid again replaces it (Twilio's retry of the same text). */
    void put(String sid, Map<String, String> fields, Instant receivedAt) {
        Path file = file(sid);
        Path temp = dir.resolve("." + sid + TEMP);
        byte[] sealed = cipher.seal(FORMAT + "\n" + receivedAt + "\n" + encode(fields));
        try {
            Files.deleteIfExists(temp);
            try (FileChannel out = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), attributes(posix(dir), "rw-------"))) {
                ByteBuffer bytes = ByteBuffer.wrap(sealed);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("a text could not be spooled (sid " + sid + ")", e);
        }
    }

    /** The texts waiting, in the order they came. A file that cannot be opened is logged and left. */
    List<SpooledText> waiting() {
        var texts = new ArrayList<SpooledText>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, entry -> SID.matcher(entry.getFileName().toString()).matches())) {
            for (Path file : files) {
                String sid = file.getFileName().toString();
                try {
                    texts.add(read(sid, Files.readAllBytes(file)));
                } catch (NoSuchFileException e) {
                    // replayed and removed since the listing
                } catch (PersonalDataException | IllegalArgumentException e) {
                    log.error("event=sms.spool_unreadable sid={} error={}", sid, e.getClass().getSimpleName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the text spool " + dir + " cannot be read", e);
        }
        texts.sort(Comparator.comparing(SpooledText::receivedAt).thenComparing(SpooledText::sid));
        return texts;
    }

    /** Forgets a text, once what it caused has committed. */
    void remove(String sid) {
        try {
            if (Files.deleteIfExists(file(sid))) {
                syncFolder();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a spooled text could not be removed (sid " + sid + ")", e);
        }
    }

    boolean isEmpty() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, entry -> SID.matcher(entry.getFileName().toString()).matches())) {
            return !files.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("the text spool " + dir + " cannot be read", e);
        }
    }

    private Path file(String sid) {
        if (!SID.matcher(sid).matches()) {
            throw new IllegalArgumentException("not a MessageSid");
        }
        return dir.resolve(sid);
    }

    /** A rename is durable only once the folder that holds it is. */
    private void syncFolder() throws IOException {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // Some file systems cannot fsync a folder; the rename itself is still atomic there.
            if (!posix(dir)) {
                return;
            }
            throw e;
        }
    }

    private SpooledText read(String sid, byte[] sealed) {
        String[] parts = cipher.open(sealed).split("\n", 3);
        if (parts.length != 3 || !parts[0].equals(FORMAT)) {
            throw new IllegalArgumentException("not a spooled text");
        }
        return new SpooledText(sid, Instant.parse(parts[1]), decode(parts[2]));
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> decode(String form) {
        var fields = new LinkedHashMap<String, String>();
        if (form.isEmpty()) {
            return fields;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static FileAttribute<?>[] attributes(boolean posix, String mode) {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
