package dk.hotline.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {
    @Test
    void danishLettersStayInGsmSevenBitAndSplitAt153() {
        assertThat(SmsSegments.count("æ".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("ø".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("å".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("Å".repeat(307))).isEqualTo(3);
    }

    @Test
    void escapedCharactersCountTwice() {
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(80) + "x")).isEqualTo(2);
    }

    @Test
    void oneCharacterOutsideGsmMakesTheWholeTextUcs2() {
        assertThat(SmsSegments.count("a".repeat(69) + "–")).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(70) + "–")).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(133) + "–")).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(134) + "–")).isEqualTo(3);
    }
}
