package dk.hotline.web;

import dk.hotline.common.Language;
import java.util.List;
import java.util.Optional;

/**
 * What every page's template gets besides its own content: the words in the reader's language,
 * who is signed in, the CSRF token its forms carry, the menu, and whether the data is made up.
 */
public record Page(String title, Messages t, Optional<Principal> principal, String csrf, String path, List<Link> menu,
                   DemoNotice demo) {
    /** A menu link; {@code current} for the page being shown. */
    public record Link(String href, String label, boolean current) {}

    public Language language() {
        return t.language();
    }

    /** The same page in the other language. */
    public String otherLanguageHref() {
        return path + "?lang=" + (language() == Language.DANISH ? Language.ENGLISH : Language.DANISH).code();
    }

    public String otherLanguageName() {
        return t.get(language() == Language.DANISH ? "language.english" : "language.danish");
    }
}
