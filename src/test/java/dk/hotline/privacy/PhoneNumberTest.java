package dk.hotline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void theShortcutForDanishE164GivesWhatTheLibraryGives() {
        var random = new java.util.Random(20261206);
        for (int n = 0; n < 20_000; n++) {
            String raw = "+45" + String.format("%08d", random.nextInt(100_000_000));
            assertThat(PhoneNumber.parse(raw).e164()).as(raw).isEqualTo(PhoneNumber.parseWithLibrary(raw).e164());
        }
        // Near misses go to the library, which accepts or refuses them as before.
        for (String raw : new String[] {"+4501234567", "+452012345", "+45201234567", "+45 20123456", "+4520l23456"}) {
            assertThat(outcome(raw)).as(raw).isEqualTo(outcomeWithLibrary(raw));
        }
    }

    private static String outcome(String raw) {
        try {
            return PhoneNumber.parse(raw).e164();
        } catch (InvalidPhoneNumberException e) {
            return "refused";
        }
    }

    private static String outcomeWithLibrary(String raw) {
        try {
            return PhoneNumber.parseWithLibrary(raw).e164();
        } catch (InvalidPhoneNumberException e) {
            return "refused";
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"20 12 34 56", "+4520123456", "0045 20123456", " 20123456 "})
    void danishNumbersInAnyCommonFormBecomeE164(String raw) {
        assertThat(PhoneNumber.parse(raw).e164()).isEqualTo("+4520123456");
    }

    @Test
    void numbersParsedFromDifferentFormsAreEqual() {
        assertThat(PhoneNumber.parse("20 12 34 56"))
                .isEqualTo(PhoneNumber.parse("0045 20123456"))
                .hasSameHashCodeAs(PhoneNumber.parse("+4520123456"));
    }

    @Test
    void toStringShowsOnlyCountryCodeAndLastTwoDigits() {
        PhoneNumber number = PhoneNumber.parse("+4520123456");

        assertThat(number).hasToString("+45 •••• ••56");
        assertThat(number.toString()).doesNotContain("201234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me maybe", "+45 abc def", "12", "secret-caller-2012"})
    void garbageIsRejectedWithoutEchoingTheInput(String raw) {
        assertThatThrownBy(() -> PhoneNumber.parse(raw))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain(raw.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyInputIsRejected(String raw) {
        assertThatThrownBy(() -> PhoneNumber.parse(raw)).isInstanceOf(InvalidPhoneNumberException.class);
        assertThatThrownBy(() -> PhoneNumber.parse(null)).isInstanceOf(InvalidPhoneNumberException.class);
    }
}
