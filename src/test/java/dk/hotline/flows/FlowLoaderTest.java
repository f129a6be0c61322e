package dk.hotline.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowLoaderTest {
    @Test
    void defaultFlowsLoadInDanishAndEnglish() {
        var flows = FlowLoader.load(Path.of("flows"));

        assertThat(flows.voice().voices().get("da").language()).isEqualTo("da-DK");
        assertThat(flows.texts().get("da", "greeting")).contains("1 1 2");
        assertThat(flows.texts().get("en", "emergency")).contains("1 1 2");
        assertThat(flows.texts().get("da", "emergency")).contains("1 1 2");
    }

    @Test
    void yamlSyntaxErrorGivesFileAndLine(@TempDir Path dir) throws IOException {
        copyDefaults(dir);
        Files.writeString(dir.resolve("texts.en.yaml"), "greeting: ok\nclosed: [unclosed\nemergency: x\n");

        assertThatThrownBy(() -> FlowLoader.load(dir))
                .isInstanceOf(FlowException.class)
                .hasMessageStartingWith(dir.resolve("texts.en.yaml") + ":")
                .hasMessageMatching("(?s).*texts\\.en\\.yaml:\\d+:.*");
    }

    @Test
    void missingTextIsNamed(@TempDir Path dir) throws IOException {
        copyDefaults(dir);
        Files.writeString(dir.resolve("texts.en.yaml"), "greeting: Hello\nclosed: Closed\nconnecting: One moment\n");

        assertThatThrownBy(() -> FlowLoader.load(dir)).hasMessageContaining("texts.en.yaml").hasMessageContaining("'emergency'");
    }

    @Test
    void greetingMustNameAnExistingText(@TempDir Path dir) throws IOException {
        copyDefaults(dir);
        Files.writeString(dir.resolve("voice.yaml"), Files.readString(dir.resolve("voice.yaml")).replace("say: greeting", "say: welcome"));

        assertThatThrownBy(() -> FlowLoader.load(dir)).hasMessageContaining("voice.yaml").hasMessageContaining("'welcome'");
    }

    @Test
    void missingFileSaysWhichFolderWasUsed(@TempDir Path dir) {
        assertThatThrownBy(() -> FlowLoader.load(dir)).hasMessageContaining("HOTLINE_FLOWS").hasMessageContaining("is missing");
    }

    private static void copyDefaults(Path dir) throws IOException {
        for (String f : new String[] {"voice.yaml", "texts.da.yaml", "texts.en.yaml"}) {
            Files.copy(Path.of("flows", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
