package dk.hotline.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.hotline.common.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Texts with placeholders: checked when the flow files load, filled in one pass. */
class TextsTest {
    private final Texts texts = FlowLoader.load(Path.of("flows")).texts();

    @Test
    void aPlaceholderTheServiceDoesNotFillStopsStartupWithFileAndLine(@TempDir Path dir) throws IOException {
        copyDefaults(dir);
        String danish = Files.readString(dir.resolve("texts.da.yaml"));
        Files.writeString(dir.resolve("texts.da.yaml"), danish.replace("nr. {id}, {when}", "nr. {id}, {hvornaar}"));
        int line = lineOf(Files.readString(dir.resolve("texts.da.yaml")), "leaderCallbackRequested:");

        assertThatThrownBy(() -> FlowLoader.load(dir)).isInstanceOf(FlowException.class)
                .hasMessageContaining("texts.da.yaml:" + line)
                .hasMessageContaining("{hvornaar}")
                .hasMessageContaining("[id, when]");
    }

    @Test
    void aTextThatFillsNothingMayHaveNoPlaceholder(@TempDir Path dir) throws IOException {
        copyDefaults(dir);
        String english = Files.readString(dir.resolve("texts.en.yaml"));
        Files.writeString(dir.resolve("texts.en.yaml"), english.replaceFirst("(?m)^smsHelp: >-\\n", "smsHelp: >-\n  {name}, "));

        assertThatThrownBy(() -> FlowLoader.load(dir)).isInstanceOf(FlowException.class)
                .hasMessageContaining("texts.en.yaml:").hasMessageContaining("{name}").hasMessageContaining("takes none");
    }

    @Test
    void aStepCannotSayATextWithPlaceholders(@TempDir Path dir) throws IOException {
        copyDefaults(dir);
        String voice = Files.readString(dir.resolve("voice.yaml"));
        Files.writeString(dir.resolve("voice.yaml"), voice.replaceFirst("texts: \\[groupInfo]", "texts: [queuePosition]"));

        assertThatThrownBy(() -> FlowLoader.load(dir)).isInstanceOf(FlowException.class)
                .hasMessageContaining("voice.yaml:").hasMessageContaining("queuePosition").hasMessageContaining("[position]");
    }

    @Test
    void placeholdersAreFilledInOnePassSoAValueIsNeverReadAsATemplate() {
        String relayed = texts.fill(Language.DANISH, Text.LEADER_RELAY, Map.of("tag", "K7", "body", "skriv {tag} og {body}"));

        assertThat(relayed).contains("K7").contains("skriv {tag} og {body}");
    }

    @Test
    void everyDeclaredPlaceholderMustBeGivenAndNoOther() {
        assertThatThrownBy(() -> texts.fill(Language.DANISH, Text.LEADER_RELAY, Map.of("tag", "K7")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[tag, body]");
        assertThatThrownBy(() -> texts.fill(Language.DANISH, Text.LEADER_UNKNOWN, Map.of("tag", "K7", "body", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> texts.get(Language.DANISH, Text.LEADER_UNKNOWN))
                .as("a text with placeholders is filled, never read raw").isInstanceOf(IllegalArgumentException.class);
    }

    private static void copyDefaults(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("flows"))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
    }

    private static int lineOf(String text, String start) {
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start + " not found");
    }
}
