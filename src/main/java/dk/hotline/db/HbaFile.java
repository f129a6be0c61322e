package dk.hotline.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The embedded PostgreSQL's {@code pg_hba.conf}: who may connect, and how they prove it. */
final class HbaFile {
    static final String NAME = "pg_hba.conf";

    private static final String CONTENT = """
            # Written by hotline on every start of its embedded PostgreSQL: every connection, over
            # 127.0.0.1 or this machine's socket, must prove the password kept in postgres.password
            # beside this folder. Edits here are overwritten.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private HbaFile() {}

    static void write(Path dataDir) throws IOException {
        PrivateFiles.replace(dataDir.resolve(NAME), CONTENT);
    }

    /** True when some line lets a connection in without a password, as older versions' data folders did. */
    static boolean trustsAnyone(Path dataDir) throws IOException {
        Path file = dataDir.resolve(NAME);
        if (!Files.exists(file)) {
            return false;
        }
        return Files.readAllLines(file).stream()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
    }
}
