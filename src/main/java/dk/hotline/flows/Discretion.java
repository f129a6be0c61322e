package dk.hotline.flows;

import dk.hotline.common.Language;
import java.util.List;

/**
 * A text a survivor can receive may be read by someone else holding the phone. None of them may
 * contain a revealing word (configured in {@code discretion.revealingWords}), however it is dressed
 * (see {@link RevealingWords}); startup refuses flow files where one does.
 */
public final class Discretion {
    private Discretion() {}

    public static void check(Texts texts, List<String> revealingWords) {
        RevealingWords words = new RevealingWords(revealingWords);
        for (Language language : Language.values()) {
            for (Text survivorText : Text.values()) {
                if (survivorText.reader() != Text.Reader.SURVIVOR) {
                    continue;
                }
                String key = survivorText.key();
                words.foundIn(texts.of(language).getOrDefault(key, "")).ifPresent(word -> {
                    throw new FlowException("flows/texts." + language.code() + ".yaml: '" + key + "' contains '" + word
                            + "', which must never be in a text a survivor can receive (discretion.revealingWords)");
                });
            }
        }
    }
}
