package dk.hotline.web;

import dk.hotline.common.InvalidInputException;

/**
 * Text a person could have typed: no control characters but the tab and line breaks, and no half of
 * a surrogate pair. PostgreSQL refuses a NUL in text (a 500 before this check), and the others are
 * never meant: they garble logs, CSV exports and texts.
 */
public final class PlainText {
    private PlainText() {}

    /** 400 naming {@code field} when {@code value} holds a character no one types. */
    public static void check(String field, String value) {
        if (value != null && !isPlain(value)) {
            throw new InvalidInputException(field, "contains a control character or broken Unicode");
        }
    }

    public static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c) || Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
