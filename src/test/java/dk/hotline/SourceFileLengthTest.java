package dk.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Small files, one job each: a main source file over 200 lines says at its top why it is longer. */
class SourceFileLengthTest {
    private static final int MAX_LINES = 200;
    private static final String REASON = "Longer than 200 lines because";

    @Test
    void aLongFileSaysWhyAtItsTop() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> unexplained = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f).size() > MAX_LINES)
                    .filter(f -> lines(f).stream().limit(60).noneMatch(line -> line.contains(REASON)))
                    .map(f -> f + " (" + lines(f).size() + " lines)")
                    .toList();

            assertThat(unexplained).as("files over " + MAX_LINES + " lines without '" + REASON + " …' near the top")
                    .isEmpty();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
