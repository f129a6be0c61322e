package dk.hotline.privacy;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logback converter for the log message that masks anything that looks like a phone number
 * ({@code %maskedMsg} in {@code logback.xml}). Code never logs a number in clear — a
 * {@code PhoneNumber} masks itself — so this is defence in depth against a raw string slipping
 * through (a request parameter, a driver's error text, a third-party library).
 *
 * <p>A phone number here is an optional {@code +} (or its URL encoding {@code %2B}), then 8 or
 * more digits, possibly separated by single spaces, dashes or dots, and not touching a letter,
 * digit or underscore on either side. So Twilio ids ({@code SM…}, {@code CA…}) are left alone,
 * as are UUIDs and ISO dates (which are matched first and kept as they are), ports and small ids.
 * Long plain numbers (epoch millis, for instance) are masked too: better one masked number too
 * many than one clear phone number.
 *
 * <p>The converter also keeps an event on one line: CR and LF in a message are written as
 * {@code \r} and {@code \n}, so a message cannot forge further log lines.
 */
public class PhoneMaskingConverter extends MessageConverter {

    /** What a masked number is replaced with. */
    public static final String MASK = "•••";

    private static final String HEX = "[0-9A-Fa-f]";
    private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";

    private static final Pattern TOKENS = Pattern.compile(
            // kept as they are: a UUID, an ISO-8601 calendar date (alone or starting a timestamp)
            "(?<keep>" + HEX + "{8}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{12}(?![0-9A-Za-z_])"
                    + "|(?<!" + WORD_CHAR + ")\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?!\\d))"
                    // masked: something that looks like a phone number
                    + "|(?<!" + WORD_CHAR + ")(?:\\+|%2[Bb])?\\d(?:[ .\\-]?\\d){7,}(?!" + WORD_CHAR + ")");

    /** {@code text} with every phone-number-like run replaced by {@link #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || !hasLongDigitRun(text)) {
            return text;
        }
        Matcher m = TOKENS.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            if (m.group("keep") == null) {
                out.append(text, last, m.start()).append(MASK);
                last = m.end();
            }
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }

    /**
     * Whether {@code text} has 8 digits in a row (single spaces, dashes or dots between them
     * allowed) that start where a number may start: not right after a letter, digit or underscore,
     * unless after {@code %2B}. That is what every match of the number pattern needs, so text
     * without it is left alone unscanned. Most log lines have none (a CallSid's hex digits follow
     * letters), and this scan costs a fraction of the pattern's, which runs on every line the
     * service writes.
     */
    static boolean hasLongDigitRun(String text) {
        int digits = -1; // counted from the run's first digit that may start a number; -1: none yet
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits < 0 && mayStartNumber(text, i)) {
                    digits = 0;
                }
                if (digits >= 0 && ++digits >= 8) {
                    return true;
                }
            } else if (!(c == ' ' || c == '-' || c == '.') || i == 0 || !isAsciiDigit(text.charAt(i - 1))) {
                // Not a single separator after a digit: the run ends here.
                digits = -1;
            }
        }
        return false;
    }

    private static boolean mayStartNumber(String text, int i) {
        if (i == 0 || !isWordChar(text.charAt(i - 1))) {
            return true;
        }
        char before = text.charAt(i - 1);
        return (before == 'B' || before == 'b') && i >= 3 && text.charAt(i - 2) == '2' && text.charAt(i - 3) == '%';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code [\\p{L}\\p{N}_]}, as in the pattern. */
    private static boolean isWordChar(char c) {
        if (c == '_' || Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** {@code text} on one line: CR and LF escaped as {@code \r} and {@code \n}. */
    static String oneLine(String text) {
        if (text == null || (text.indexOf('\n') < 0 && text.indexOf('\r') < 0)) {
            return text;
        }
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public String convert(ILoggingEvent event) {
        return oneLine(mask(super.convert(event)));
    }
}
