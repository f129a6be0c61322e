package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether a page's source holds a Danish number in clear, in any of the ways it could be written. */
final class ClearNumbers {
    private ClearNumbers() {}

    /** Fails when {@code html} holds {@code e164} (+45 and eight digits) whole, grouped in pairs or in fours. */
    static void assertNoneIn(String what, String html, String e164) {
        String digits = e164.substring(3);
        String pairs = digits.replaceAll("(\\d\\d)(?=\\d)", "$1 ");
        String fours = digits.substring(0, 4) + " " + digits.substring(4);
        assertThat(html).as(what + " shows the number only masked").doesNotContain(digits).doesNotContain(pairs)
                .doesNotContain(fours);
    }
}
