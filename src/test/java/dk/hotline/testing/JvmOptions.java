package dk.hotline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM settings users run the service with, {@code config/jvm.options} (the java launcher's
 * argfile, also read by the Dockerfile and the README's commands), as separate flags: what the
 * packaged-jar tests and the benchmark start the jar with, so they measure and test what runs.
 */
public final class JvmOptions {
    public static final Path FILE = Path.of("config", "jvm.options");

    private JvmOptions() {}

    /** Every option of the file, comments (from # to the end of the line) and blank lines left out. */
    public static List<String> read() {
        try {
            return Files.readAllLines(FILE).stream()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .flatMap(line -> Arrays.stream(line.split("\\s+")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the service's JVM settings " + FILE.toAbsolutePath(), e);
        }
    }
}
