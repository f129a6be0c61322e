package dk.hotline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The masking's quick scan may skip the pattern only for text the pattern would leave alone: a
 * number it let through would reach the log in clear.
 */
class PhoneMaskingShortcutTest {
    private static final String ALPHABET = "0123456789 .-+%2BabCA_é\n";

    @Test
    void everyTextThePatternMasksIsOneTheScanSends() {
        var random = new Random(20261206);
        int masked = 0;
        for (int n = 0; n < 200_000; n++) {
            var text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int i = 0; i < length; i++) {
                // Mostly digits, so numbers with separators in every place turn up often.
                text.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                        : (char) ('0' + random.nextInt(10)));
            }
            String s = text.toString();
            boolean changed = !PhoneMaskingConverter.mask(s).equals(s);
            if (changed) {
                masked++;
                assertThat(PhoneMaskingConverter.hasLongDigitRun(s)).as(s).isTrue();
            }
        }
        assertThat(masked).as("the sample holds numbers the pattern masks").isGreaterThan(10_000);
    }

    @Test
    void atTheEdgeBothAgree() {
        for (String s : new String[] {"12345678", "1234567", "1 2 3 4 5 6 7 8", "1 2 3 4 5 6 7", "1234-5678", "123-45.67",
                "1234--5678", "+4512345678", "%2B4512345678", "%2b4512345678", "x12345678", "12345678x", "a 1234.5678 b",
                "x12 34567890", "_12345678", "é12345678", "5%2B12345678", "a%2B1234567"}) {
            boolean masked = !PhoneMaskingConverter.mask(s).equals(s);
            assertThat(PhoneMaskingConverter.hasLongDigitRun(s) || !masked).as(s).isTrue();
        }
        // Digits that follow a letter, digit or underscore (other than %2B) cannot start a number.
        for (String s : new String[] {"x12345678", "_12345678", "é12345678", "a%2B1234567", "1234567"}) {
            assertThat(PhoneMaskingConverter.hasLongDigitRun(s)).as(s).isFalse();
        }
    }

    @Test
    void linesWithoutEightDigitsTogetherSkipThePattern() {
        assertThat(PhoneMaskingConverter.hasLongDigitRun("event=call.arrived call=CA0123abc4567def withheld=false")).isFalse();
        assertThat(PhoneMaskingConverter.hasLongDigitRun("took 1234567 ms")).isFalse();
        // A CallSid's hex may hold 8 digits together, but they follow a letter or digit: no number starts there.
        assertThat(PhoneMaskingConverter.hasLongDigitRun("event=call.arrived call=CAab12345678cd9876543210fe withheld=false"))
                .isFalse();
        assertThat(PhoneMaskingConverter.hasLongDigitRun("+45 20 12 34 56")).isTrue();
        assertThat(PhoneMaskingConverter.mask("ring +45 20-12-34.56 now")).isEqualTo("ring " + PhoneMaskingConverter.MASK + " now");
    }
}
