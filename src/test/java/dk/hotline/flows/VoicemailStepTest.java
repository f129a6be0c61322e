package dk.hotline.flows;

import dk.hotline.common.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoicemailStepTest {
    private static final String STEP = """

              voicemail-da:
                voicemail:
                  language: da
            """;

    @Test
    void theDefaultFlowHasNoVoicemail() {
        var flow = FlowLoader.load(Path.of("flows")).voice();

        assertThat(flow.steps().values()).noneMatch(s -> s instanceof Step.Voicemail);
    }

    @Test
    void aVoicemailStepRecordsTwoMinutesUnlessToldOtherwise(@TempDir Path dir) throws IOException {
        withStep(dir, "");

        assertThat(FlowLoader.load(dir).voice().step("voicemail-da")).isEqualTo(new Step.Voicemail("voicemail-da", Language.DANISH, 120));
    }

    @Test
    void maxSecondsOutOfRangeIsRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        String voice = withStep(dir, "      maxSeconds: 601\n");
        int line = voice.split("\n", -1).length - 1;

        assertThatThrownBy(() -> FlowLoader.load(dir)).isInstanceOf(FlowException.class)
                .hasMessageStartingWith(dir.resolve("voice.yaml") + ":" + line + ":")
                .hasMessageContaining("steps.voicemail-da.voicemail.maxSeconds").hasMessageContaining("10 to 600");

        withStep(dir, "      maxSeconds: 9\n");
        assertThatThrownBy(() -> FlowLoader.load(dir)).hasMessageContaining("voice.yaml:" + line + ":");
        withStep(dir, "      maxSeconds: two minutes\n");
        assertThatThrownBy(() -> FlowLoader.load(dir)).hasMessageContaining("voice.yaml:" + line + ":");
    }

    @Test
    void itsTextsAreRequiredInEveryLanguage(@TempDir Path dir) throws IOException {
        withStep(dir, "");
        Files.writeString(dir.resolve("texts.en.yaml"),
                Files.readString(dir.resolve("texts.en.yaml")).replaceAll("(?m)^voicemailPrompt:.*\\n(  .*\\n)*", ""));

        assertThatThrownBy(() -> FlowLoader.load(dir)).hasMessageContaining("texts.en.yaml").hasMessageContaining("'voicemailPrompt'");
    }

    /** The default flow plus a voicemail step (with {@code extra} lines in its body); voice.yaml's text. */
    private static String withStep(Path dir, String extra) throws IOException {
        try (var files = Files.list(Path.of("flows"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String voice = Files.readString(Path.of("flows", "voice.yaml")) + STEP + extra;
        Files.writeString(dir.resolve("voice.yaml"), voice);
        return voice;
    }
}
