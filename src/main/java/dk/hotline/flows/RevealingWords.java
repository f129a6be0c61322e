package dk.hotline.flows;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The words that may never be in a text a survivor can receive (config
 * {@code discretion.revealingWords}). A word counts as there however it is dressed: accents
 * ({@code vóld}), full-width or other compatibility forms ({@code Ｖold}), case, and anything
 * that is not a letter between its letters ({@code V.o.l.d}, {@code V o l d}, a zero-width space)
 * are all taken away from the word and the text alike before they are compared. That can refuse
 * a harmless text whose words happen to join into one; a coordinator rewording a name is a small
 * price against a revealing text reaching someone else holding the phone.
 */
public final class RevealingWords {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("\\P{L}+");

    private final List<String> words;
    private final List<String> folded;

    public RevealingWords(List<String> words) {
        this.words = List.copyOf(words);
        this.folded = this.words.stream().map(RevealingWords::fold).toList();
    }

    /** The configured word the text holds, if any; the caller names it, never the text. */
    public Optional<String> foundIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String letters = fold(text);
        for (int i = 0; i < words.size(); i++) {
            String word = folded.get(i);
            if (!word.isEmpty() && letters.contains(word)) {
                return Optional.of(words.get(i));
            }
        }
        return Optional.empty();
    }

    /** Only the letters, without accents, in one case and one width. */
    static String fold(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        // Upper then lower folds what a plain lower-casing keeps apart (ß and SS, the final sigma).
        String oneCase = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String bare = MARKS.matcher(Normalizer.normalize(oneCase, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTERS.matcher(bare).replaceAll("");
    }
}
