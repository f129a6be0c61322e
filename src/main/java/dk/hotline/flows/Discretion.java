package dk.hotline.flows;

import dk.hotline.common.Language;
import java.util.List;
import java.util.Locale;

/**
 * A text a survivor can receive may be read by someone else holding the phone. None of them may
 * contain a revealing word (configured in {@code discretion.revealingWords}); startup refuses
 * flow files where one does.
 */
public final class Discretion {
    private Discretion() {}

    public static void check(Texts texts, List<String> revealingWords) {
        for (Language language : Language.values()) {
            for (Text survivorText : Text.values()) {
                if (survivorText.reader() != Text.Reader.SURVIVOR) {
                    continue;
                }
                String key = survivorText.key();
                String text = texts.of(language).getOrDefault(key, "").toLowerCase(Locale.ROOT);
                for (String word : revealingWords) {
                    if (text.contains(word)) {
                        throw new FlowException("flows/texts." + language.code() + ".yaml: '" + key + "' contains '" + word
                                + "', which must never be in a text a survivor can receive (discretion.revealingWords)");
                    }
                }
            }
        }
    }
}
