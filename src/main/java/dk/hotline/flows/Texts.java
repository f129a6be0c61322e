package dk.hotline.flows;

import dk.hotline.common.Language;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the hotline says and writes, per language, from {@code flows/texts.*.yaml}. A text missing
 * in a language (only staff texts may be) is taken from Danish.
 */
public final class Texts {
    /** A placeholder in a text: {@code {name}}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Map<Language, Map<String, String>> byLanguage;

    Texts(Map<Language, Map<String, String>> byLanguage) {
        this.byLanguage = Map.copyOf(byLanguage);
    }

    /** A text that fills in nothing. */
    public String get(Language language, Text text) {
        if (!text.placeholders().isEmpty()) {
            throw new IllegalArgumentException(text + " fills in " + text.placeholders() + ": use fill");
        }
        return byKey(language, text.key());
    }

    /**
     * A text with its placeholders filled in, in one pass (a value that itself holds "{tag}", such
     * as a relayed text, is left as it is). Every placeholder the text declares must be given.
     */
    public String fill(Language language, Text text, Map<String, ?> values) {
        if (!values.keySet().equals(Set.copyOf(text.placeholders()))) {
            throw new IllegalArgumentException(text + " fills in " + text.placeholders() + ", given " + values.keySet());
        }
        Matcher m = PLACEHOLDER.matcher(byKey(language, text.key()));
        var out = new StringBuilder();
        while (m.find()) {
            // The loader let through only declared placeholders, so every one has a value.
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(m.group(1)))));
        }
        return m.appendTail(out).toString();
    }

    /**
     * A text by its key as the file has it: a text a voice flow step names, or one a test compares
     * with. Placeholders are left in.
     */
    public String byKey(Language language, String key) {
        String text = byLanguage.getOrDefault(language, Map.of()).get(key);
        if (text == null) {
            text = byLanguage.get(Language.DANISH).get(key);
        }
        if (text == null) {
            throw new IllegalArgumentException("no text '" + key + "' in flows/texts." + Language.DANISH + ".yaml");
        }
        return text;
    }

    /** The keys a language's file has, with their texts. */
    Map<String, String> of(Language language) {
        return byLanguage.getOrDefault(language, Map.of());
    }
}
