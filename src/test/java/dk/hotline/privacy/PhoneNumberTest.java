package dk.hotline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

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
