package dk.hotline.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.hotline.flows.FlowException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsKeywordsTest {
    private static final SmsKeywords DEFAULTS = SmsKeywords.load(Path.of("flows"));

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "stop|STOP", "Stop.|STOP", "STOP|STOP", "' STOP! '|STOP", "stop!!!|STOP", "Stop…|STOP", "afmeld|STOP",
        "Afmeld?|STOP", "ＳＴＯＰ|STOP", "'stop\n'|STOP",
        "start|START", "Start!|START",
        "HJÆLP|HELP", "hjælp|HELP", "Hjælp?|HELP", "hjaelp|HELP", "HJAELP|HELP", "help|HELP", "Help me?|",
        "ring|CALLBACK", "RING.|CALLBACK", "Ring!|CALLBACK",
        "gruppe|GROUP", "GRUPPE|GROUP", "grüppe|GROUP",
        "stop it|", "ring mig|", "Hej, kan I ringe?|", "🛑|", "STOP 🛑|", "s t o p|", "''|", "'  '|", "...|",
        "on|", "status|",
    })
    void survivorKeywordsAreWholeTextsFoldedForCaseAccentsAndPunctuation(String body, Keyword expected) {
        assertThat(DEFAULTS.survivorKeyword(body)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "ON|ON", "on|ON", "On.|ON", "OFF|OFF", "off!|OFF", "status|STATUS", "Status?|STATUS",
        "on call|", "stop|", "K7 OFF|",
    })
    void leaderCommandsAreOnOffAndStatus(String body, Keyword expected) {
        assertThat(DEFAULTS.leaderCommand(body)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void noBodyIsNoKeyword() {
        assertThat(DEFAULTS.survivorKeyword(null)).isEmpty();
        assertThat(DEFAULTS.leaderCommand(null)).isEmpty();
    }

    @Test
    void danishLettersFoldAlikeOnBothSides(@TempDir Path dir) throws IOException {
        write(dir, defaults().replace("GROUP: [GRUPPE]", "GROUP: [GRUPPE, \"støttegruppe\", Å]"));
        var keywords = SmsKeywords.load(dir);

        assertThat(keywords.survivorKeyword("STØTTEGRUPPE")).contains(Keyword.GROUP);
        assertThat(keywords.survivorKeyword("stoettegruppe.")).contains(Keyword.GROUP);
        assertThat(keywords.survivorKeyword("aa")).contains(Keyword.GROUP);
        // NFD input: A followed by a combining ring is the same letter as Å.
        assertThat(keywords.survivorKeyword("A\u030A")).contains(Keyword.GROUP);
    }

    @Test
    void aCoordinatorCanAddWordsIncludingPhrases(@TempDir Path dir) throws IOException {
        write(dir, defaults().replace("CALLBACK: [RING]", "CALLBACK:\n    - RING\n    - ring mig\n    - Ring  op"));
        var keywords = SmsKeywords.load(dir);

        assertThat(keywords.survivorKeyword("Ring mig!")).contains(Keyword.CALLBACK);
        assertThat(keywords.survivorKeyword("ring op")).contains(Keyword.CALLBACK);
        assertThat(keywords.survivorKeyword("ring")).contains(Keyword.CALLBACK);
    }

    @Test
    void bareOnAndOffAreReadAsWrittenNotAsYamlBooleans(@TempDir Path dir) throws IOException {
        write(dir, defaults().replace("ON: [ON]", "ON: [ON, Yes]").replace("OFF: [OFF]", "OFF: OFF"));
        var keywords = SmsKeywords.load(dir);

        assertThat(keywords.leaderCommand("on")).contains(Keyword.ON);
        assertThat(keywords.leaderCommand("yes")).contains(Keyword.ON);
        assertThat(keywords.leaderCommand("off")).contains(Keyword.OFF);
    }

    @Test
    void aWordForTwoKeywordsIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        String yaml = defaults().replace("START: [START]", "START: [START, Stop]");
        write(dir, yaml);

        assertThatThrownBy(() -> SmsKeywords.load(dir)).isInstanceOf(FlowException.class)
                .hasMessageStartingWith(dir.resolve("sms.yaml") + ":" + lineOf(yaml, "START: [START, Stop]") + ": ")
                .hasMessageContaining("'Stop' is already a word for STOP");
    }

    @Test
    void danishSpellingsThatFoldTogetherAreTheSameWord(@TempDir Path dir) throws IOException {
        String yaml = defaults().replace("HELP: [HJÆLP, HELP]", "HELP:\n    - HJÆLP\n    - hjaelp");
        write(dir, yaml);

        assertThatThrownBy(() -> SmsKeywords.load(dir))
                .hasMessageStartingWith(dir.resolve("sms.yaml") + ":" + lineOf(yaml, "- hjaelp") + ": ")
                .hasMessageContaining("'hjaelp' is already a word for HELP");
    }

    @Test
    void anUnknownKeywordIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        String yaml = defaults().replace("GROUP: [GRUPPE]", "GROUP: [GRUPPE]\n  GROOP: [GRP]");
        write(dir, yaml);

        assertThatThrownBy(() -> SmsKeywords.load(dir))
                .hasMessageStartingWith(dir.resolve("sms.yaml") + ":" + lineOf(yaml, "GROOP") + ": ")
                .hasMessageContaining("survivor.GROOP: unknown keyword").hasMessageContaining("STOP");
    }

    @Test
    void aLeaderCommandAmongSurvivorKeywordsIsRefused(@TempDir Path dir) throws IOException {
        String yaml = defaults().replace("GROUP: [GRUPPE]", "GROUP: [GRUPPE]\n  ON: [TIL]");
        write(dir, yaml);

        assertThatThrownBy(() -> SmsKeywords.load(dir))
                .hasMessageStartingWith(dir.resolve("sms.yaml") + ":" + lineOf(yaml, "ON: [TIL]") + ": ")
                .hasMessageContaining("survivor.ON: unknown keyword");
    }

    @Test
    void everyKeywordNeedsAWord(@TempDir Path dir) throws IOException {
        String yaml = defaults().replace("STOP: [STOP, AFMELD]", "STOP: []");
        write(dir, yaml);

        assertThatThrownBy(() -> SmsKeywords.load(dir))
                .hasMessageStartingWith(dir.resolve("sms.yaml") + ":" + lineOf(yaml, "STOP: []") + ": ")
                .hasMessageContaining("survivor.STOP: needs at least one word");
    }

    @Test
    void aMissingKeywordIsNamed(@TempDir Path dir) throws IOException {
        write(dir, defaults().replace("  STOP: [STOP, AFMELD]\n", ""));

        assertThatThrownBy(() -> SmsKeywords.load(dir)).hasMessageStartingWith(dir.resolve("sms.yaml") + ": ")
                .hasMessageContaining("survivor.STOP: missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP: [STOP, [AFMELD]]", "STOP: {word: STOP}", "STOP: [STOP, \"  \"]", "STOP: [\"?!\"]"})
    void malformedWordsAreRefusedWithTheirLine(String line, @TempDir Path dir) throws IOException {
        String yaml = defaults().replace("STOP: [STOP, AFMELD]", line);
        write(dir, yaml);

        assertThatThrownBy(() -> SmsKeywords.load(dir))
                .hasMessageStartingWith(dir.resolve("sms.yaml") + ":" + lineOf(yaml, line) + ": ")
                .hasMessageContaining("survivor.STOP: ");
    }

    @Test
    void anUnknownSectionIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        String yaml = defaults() + "leaders:\n  ON: [ON]\n";
        write(dir, yaml);

        assertThatThrownBy(() -> SmsKeywords.load(dir))
                .hasMessageStartingWith(dir.resolve("sms.yaml") + ":" + lineOf(yaml, "leaders:") + ": ")
                .hasMessageContaining("unknown section");
    }

    @Test
    void aKeywordGivenTwiceIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        String yaml = defaults().replace("GROUP: [GRUPPE]", "GROUP: [GRUPPE]\n  STOP: [HOLD OP]");
        write(dir, yaml);

        assertThatThrownBy(() -> SmsKeywords.load(dir))
                .hasMessageStartingWith(dir.resolve("sms.yaml") + ":" + lineOf(yaml, "STOP: [HOLD OP]") + ":")
                .hasMessageContaining("STOP");
    }

    @Test
    void yamlSyntaxErrorGivesFileAndLine(@TempDir Path dir) throws IOException {
        write(dir, "survivor:\n  STOP: [STOP, AFMELD\n  START: [START]\n");

        assertThatThrownBy(() -> SmsKeywords.load(dir)).isInstanceOf(FlowException.class)
                .hasMessageMatching("(?s)" + java.util.regex.Pattern.quote(dir.resolve("sms.yaml").toString()) + ":\\d+: .*");
    }

    @Test
    void missingFileSaysWhichFolderWasUsed(@TempDir Path dir) {
        assertThatThrownBy(() -> SmsKeywords.load(dir)).hasMessageContaining("sms.yaml").hasMessageContaining("HOTLINE_FLOWS")
                .hasMessageContaining("is missing");
    }

    private static String defaults() throws IOException {
        return Files.readString(Path.of("flows", "sms.yaml"));
    }

    private static void write(Path dir, String yaml) throws IOException {
        Files.writeString(dir.resolve("sms.yaml"), yaml);
    }

    private static int lineOf(String text, String needle) {
        assertThat(text).contains(needle);
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }
}
