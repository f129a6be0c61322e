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

class FlowLoaderTest {
    @Test
    void defaultFlowsLoadInDanishAndEnglish() {
        var flows = FlowLoader.load(Path.of("flows"));

        assertThat(flows.voice().voices().get(Language.DANISH).language()).isEqualTo("da-DK");
        assertThat(flows.texts().byKey(Language.DANISH, "greeting")).contains("1 1 2");
        assertThat(flows.texts().byKey(Language.ENGLISH, "emergency")).contains("1 1 2");
        assertThat(flows.texts().byKey(Language.DANISH, "emergency")).contains("1 1 2");
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
        Files.writeString(dir.resolve("texts.en.yaml"),
                Files.readString(dir.resolve("texts.en.yaml")).replaceAll("(?m)^emergency:.*\\n.*\\n", ""));

        assertThatThrownBy(() -> FlowLoader.load(dir)).hasMessageContaining("texts.en.yaml").hasMessageContaining("'emergency'");
    }

    @Test
    void stepsMustNameExistingTextsWithTheirLine(@TempDir Path dir) throws IOException {
        copyDefaults(dir);
        String voice = Files.readString(dir.resolve("voice.yaml"));
        Files.writeString(dir.resolve("voice.yaml"), voice.replace("texts: [groupInfo]", "texts: [groupInfos]"));
        int line = lineOf(voice, "texts: [groupInfo]");

        assertThatThrownBy(() -> FlowLoader.load(dir))
                .hasMessageContaining("voice.yaml:" + line + ":").hasMessageContaining("'groupInfos'");
    }

    @Test
    void aMenuOptionLeadingNowhereIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        copyDefaults(dir);
        String voice = Files.readString(dir.resolve("voice.yaml"));
        Files.writeString(dir.resolve("voice.yaml"), voice.replace("\"2\": groups-da", "\"2\": group-da"));
        int line = lineOf(voice, "\"2\": groups-da");

        assertThatThrownBy(() -> FlowLoader.load(dir))
                .hasMessageContaining("voice.yaml:" + line + ":").hasMessageContaining("'group-da'");
    }

    @Test
    void defaultFlowIsTheContractsMenu() {
        var flow = FlowLoader.load(Path.of("flows")).voice();
        var welcome = (Step.Say) flow.step(flow.start());
        assertThat(welcome.texts()).containsExactly("greeting");
        var menu = (Step.Menu) flow.step(welcome.next().orElseThrow());
        assertThat(menu.language()).isEqualTo(Language.DANISH);
        assertThat(menu.tries()).isEqualTo(2);
        assertThat(flow.step(menu.noInput())).isInstanceOf(Step.Route.class);
        assertThat(flow.step(menu.options().get("1"))).isEqualTo(new Step.Route("route-da", Language.DANISH));
        assertThat(flow.step(menu.options().get("3"))).isInstanceOf(Step.Callback.class);
        var english = (Step.Say) flow.step(menu.options().get("9"));
        var englishMenu = (Step.Menu) flow.step(english.next().orElseThrow());
        assertThat(englishMenu.language()).isEqualTo(Language.ENGLISH);
        assertThat(flow.step(englishMenu.options().get("1"))).isEqualTo(new Step.Route("route-en", Language.ENGLISH));
        assertThat(flow.step(englishMenu.noInput())).isEqualTo(new Step.Route("route-en", Language.ENGLISH));
    }

    @Test
    void aSayStepCanPlayRecordingsButOnlyFromHttps(@TempDir Path dir) throws IOException {
        copyDefaults(dir);
        String voice = Files.readString(dir.resolve("voice.yaml"));
        Files.writeString(dir.resolve("voice.yaml"), voice.replace("      texts: [groupInfo]\n      next: interest-da",
                "      texts: [groupInfo]\n      play: [\"https://example.org/velkommen.mp3\"]\n      next: interest-da"));
        var groups = (Step.Say) FlowLoader.load(dir).voice().step("groups-da");
        assertThat(groups.play()).containsExactly("https://example.org/velkommen.mp3");

        Files.writeString(dir.resolve("voice.yaml"), voice.replace("      texts: [groupInfo]\n      next: interest-da",
                "      texts: [groupInfo]\n      play: [\"http://example.org/x.mp3\"]\n      next: interest-da"));
        assertThatThrownBy(() -> FlowLoader.load(dir)).hasMessageContaining("voice.yaml:").hasMessageContaining("not an https URL");
    }

    @Test
    void theCoordinatorsRotaTextIsNeededInDanishOnly(@TempDir Path dir) throws IOException {
        copyDefaults(dir);
        assertThat(FlowLoader.load(dir).texts().byKey(Language.ENGLISH, "rotaGaps")).as("English falls back to Danish").startsWith("Vagtplan:");

        Files.writeString(dir.resolve("texts.da.yaml"),
                Files.readString(dir.resolve("texts.da.yaml")).replaceAll("(?m)^rotaGapsMore:.*\\n.*\\n?", ""));

        assertThatThrownBy(() -> FlowLoader.load(dir)).hasMessageContaining("texts.da.yaml").hasMessageContaining("'rotaGapsMore'");
    }

    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
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
