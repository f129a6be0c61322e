package dk.hotline.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.hotline.flows.FlowException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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

    /** The last is NFD: A followed by a combining ring, the same letter as Å. */
    @ParameterizedTest(name = "\"{0}\" is GROUP")
    @ValueSource(strings = {"STØTTEGRUPPE", "stoettegruppe.", "aa", "A\u030A"})
    void danishLettersFoldAlikeOnBothSides(String body, @TempDir Path dir) throws IOException {
        write(dir, defaults().replace("GROUP: [GRUPPE]", "GROUP: [GRUPPE, \"støttegruppe\", Å]"));

        assertThat(SmsKeywords.load(dir).survivorKeyword(body)).contains(Keyword.GROUP);
    }

    @ParameterizedTest(name = "\"{0}\" is CALLBACK")
    @ValueSource(strings = {"Ring mig!", "ring op", "ring"})
    void aCoordinatorCanAddWordsIncludingPhrases(String body, @TempDir Path dir) throws IOException {
        write(dir, defaults().replace("CALLBACK: [RING]", "CALLBACK:\n    - RING\n    - ring mig\n    - Ring  op"));

        assertThat(SmsKeywords.load(dir).survivorKeyword(body)).contains(Keyword.CALLBACK);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"on, ON", "yes, ON", "off, OFF"})
    void bareOnAndOffAreReadAsWrittenNotAsYamlBooleans(String body, Keyword expected, @TempDir Path dir) throws IOException {
        write(dir, defaults().replace("ON: [ON]", "ON: [ON, Yes]").replace("OFF: [OFF]", "OFF: OFF"));

        assertThat(SmsKeywords.load(dir).leaderCommand(body)).contains(expected);
    }

    /** A change to the default sms.yaml that load refuses, naming the file, the line and what is wrong. */
    record Refusal(UnaryOperator<String> edit, String line, String... says) {}

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("a word for two keywords", replacing("START: [START]", "START: [START, Stop]"),
                        "START: [START, Stop]", "'Stop' is already a word for STOP"),
                refusal("Danish spellings that fold together are the same word",
                        replacing("HELP: [HJÆLP, HELP]", "HELP:\n    - HJÆLP\n    - hjaelp"),
                        "- hjaelp", "'hjaelp' is already a word for HELP"),
                refusal("an unknown keyword", replacing("GROUP: [GRUPPE]", "GROUP: [GRUPPE]\n  GROOP: [GRP]"),
                        "GROOP", "survivor.GROOP: unknown keyword", "STOP"),
                refusal("a leader command among survivor keywords", replacing("GROUP: [GRUPPE]", "GROUP: [GRUPPE]\n  ON: [TIL]"),
                        "ON: [TIL]", "survivor.ON: unknown keyword"),
                refusal("a keyword without a word", replacing("STOP: [STOP, AFMELD]", "STOP: []"),
                        "STOP: []", "survivor.STOP: needs at least one word"),
                refusal("a list in a list of words", replacing("STOP: [STOP, AFMELD]", "STOP: [STOP, [AFMELD]]"),
                        "STOP: [STOP, [AFMELD]]", "survivor.STOP: "),
                refusal("a map for a list of words", replacing("STOP: [STOP, AFMELD]", "STOP: {word: STOP}"),
                        "STOP: {word: STOP}", "survivor.STOP: "),
                refusal("a blank word", replacing("STOP: [STOP, AFMELD]", "STOP: [STOP, \"  \"]"),
                        "STOP: [STOP, \"  \"]", "survivor.STOP: "),
                refusal("a word of punctuation only", replacing("STOP: [STOP, AFMELD]", "STOP: [\"?!\"]"),
                        "STOP: [\"?!\"]", "survivor.STOP: "),
                refusal("an unknown section", yaml -> yaml + "leaders:\n  ON: [ON]\n", "leaders:", "unknown section"),
                refusal("a keyword given twice", replacing("GROUP: [GRUPPE]", "GROUP: [GRUPPE]\n  STOP: [HOLD OP]"),
                        "STOP: [HOLD OP]", "STOP"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aMistakeInSmsYamlIsRefusedWithItsLine(Refusal refusal, @TempDir Path dir) throws IOException {
        String yaml = refusal.edit().apply(defaults());
        write(dir, yaml);

        var refused = assertThatThrownBy(() -> SmsKeywords.load(dir)).isInstanceOf(FlowException.class)
                .hasMessageStartingWith(dir.resolve("sms.yaml") + ":" + lineOf(yaml, refusal.line()) + ": ");
        for (String said : refusal.says()) {
            refused.hasMessageContaining(said);
        }
    }

    @Test
    void aMissingKeywordIsNamed(@TempDir Path dir) throws IOException {
        write(dir, defaults().replace("  STOP: [STOP, AFMELD]\n", ""));

        assertThatThrownBy(() -> SmsKeywords.load(dir)).hasMessageStartingWith(dir.resolve("sms.yaml") + ": ")
                .hasMessageContaining("survivor.STOP: missing");
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

    private static Arguments refusal(String name, UnaryOperator<String> edit, String line, String... says) {
        return Arguments.of(Named.of(name, new Refusal(edit, line, says)));
    }

    /** Replaces a line of the defaults, which must be there (or the case would test nothing). */
    private static UnaryOperator<String> replacing(String line, String with) {
        return yaml -> {
            assertThat(yaml).contains(line);
            return yaml.replace(line, with);
        };
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
