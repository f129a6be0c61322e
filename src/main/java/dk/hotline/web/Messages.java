package dk.hotline.web;

import dk.hotline.common.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The console's own words, in Danish and English, from {@code console/messages.da.properties} and
 * {@code .en.properties}. Both files must have the same keys (a test holds it); a key missing in
 * English would show Danish rather than nothing.
 */
public final class Messages {
    private static final Map<Language, Properties> BUNDLES = load();

    private final Language language;

    private Messages(Language language) {
        this.language = language;
    }

    public static Messages in(Language language) {
        return new Messages(language);
    }

    public Language language() {
        return language;
    }

    /** The text for {@code key}, with {@code {0}}, {@code {1}}… filled from {@code args}. */
    public String get(String key, Object... args) {
        String text = BUNDLES.get(language).getProperty(key, BUNDLES.get(Language.DANISH).getProperty(key));
        if (text == null) {
            throw new IllegalArgumentException("no console text '" + key + "'");
        }
        return args.length == 0 ? text : new MessageFormat(text, language.locale()).format(args);
    }

    /** Whether the texts have {@code key}, in this language or in Danish. */
    public boolean has(String key) {
        return BUNDLES.get(language).containsKey(key) || BUNDLES.get(Language.DANISH).containsKey(key);
    }

    /** Every key of a language's file, for the test that both files agree. */
    static Set<String> keys(Language language) {
        return new TreeSet<>(BUNDLES.get(language).stringPropertyNames());
    }

    private static Map<Language, Properties> load() {
        var bundles = new EnumMap<Language, Properties>(Language.class);
        for (Language language : Language.values()) {
            String file = "/console/messages." + language.code() + ".properties";
            try (InputStream in = Messages.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + file);
                }
                var properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                bundles.put(language, properties);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundles;
    }
}
