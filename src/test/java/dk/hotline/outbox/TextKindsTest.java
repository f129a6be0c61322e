package dk.hotline.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TextKindsTest {
    /** A text queued with a literal key start: {@code outbox.sms(tx, "reminder:" + …)}, or the relay's {@code send(tx, "relay-out:" + …)}. */
    private static final Pattern QUEUED = Pattern.compile(
            "(?:outbox\\.(?:sms|smsIgnoringOptOut)|\\bsend)\\(\\s*tx,\\s*\"([a-z-]+):\"");

    @Test
    void theKindIsReadFromTheStartOfTheDedupeKey() {
        assertThat(TextKinds.of("reminder:12:3:86400:1780000000")).isEqualTo("reminder");
        assertThat(TextKinds.of("relay-out:7:2")).isEqualTo("relay-out");
        assertThat(TextKinds.of("ring:SM0123")).isEqualTo("callback-confirmed");
        assertThat(TextKinds.of("group:SM0123")).isEqualTo("group-interest");
        assertThat(TextKinds.of("group-invite:4:2")).isEqualTo("group-invite");
        assertThat(TextKinds.of("something-new:1")).isEqualTo("other");
        assertThat(TextKinds.of("no-colon")).isEqualTo("other");
    }

    @Test
    void everyTextTheServiceQueuesHasAReadableKind() throws IOException {
        var prefixes = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                var m = QUEUED.matcher(read(f));
                while (m.find()) {
                    prefixes.add(m.group(1));
                }
            });
        }

        assertThat(prefixes).as("the scan finds the texts queued across the features")
                .contains("reminder", "followup", "relay-out", "stop", "session-moved", "rota-gaps");
        assertThat(prefixes).allSatisfy(p -> assertThat(TextKinds.of(p + ":1")).as(p).isNotEqualTo(TextKinds.OTHER));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
