package dk.hotline.flows;

import java.util.Map;

/** What the hotline says and writes, per language ("da", "en"), by key. */
public record Texts(Map<String, Map<String, String>> byLanguage) {
    public static final String DANISH = "da";

    /** The text in that language, or in Danish when the language lacks it. */
    public String get(String language, String key) {
        var texts = byLanguage.getOrDefault(language, Map.of());
        String text = texts.get(key);
        if (text == null) {
            text = byLanguage.get(DANISH).get(key);
        }
        if (text == null) {
            throw new IllegalArgumentException("no text '" + key + "' in flows/texts." + DANISH + ".yaml");
        }
        return text;
    }
}
