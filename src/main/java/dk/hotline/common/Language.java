package dk.hotline.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * A language the hotline speaks and writes. The code is what the database, the flow files
 * ({@code texts.da.yaml}), URLs and the JSON API use.
 */
public enum Language implements Coded {
    DANISH("da", Locale.forLanguageTag("da")),
    ENGLISH("en", Locale.ENGLISH);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** For dates and times written out in this language ("mandag", "Monday"). */
    public Locale locale() {
        return locale;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /** The language with this code, if the hotline speaks it. */
    public static Optional<Language> fromCode(String code) {
        return Coded.byCode(Language.class, code);
    }

    /** The language with this code, which was stored or written by the service itself. */
    public static Language of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("no language '" + code + "'"));
    }

    @Override
    public String toString() {
        return code;
    }
}
