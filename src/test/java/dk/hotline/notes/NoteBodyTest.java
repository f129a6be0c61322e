package dk.hotline.notes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a leader may write in a note: times and dates yes, a phone number in any grouping no. */
class NoteBodyTest {
    @ParameterizedTest
    @ValueSource(strings = {"ring 20 12 34 56", "Hun gav mig +45 20-12-34-56", "nummer 20.12.34.56 i morgen", "20123456",
            "hendes søster: 2012 3456", "ring +46 70 123 45 67", "0045 20 12 34 56"})
    void aPhoneNumberIsRefusedHoweverItIsWritten(String body) {
        assertThat(NoteBody.problem(body)).as(body).contains(NoteBody.Problem.PHONE_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ring igen kl. 14.30 - 15.00", "kl. 19.30-20.15", "Næste møde 14.03.2026", "Aftalt 2026-03-14",
            "den 3/12 2026 kl 17", "Talte i 45 minutter om søvn og 3 ting, hun vil prøve"})
    void timesDatesAndCountsAreWords(String body) {
        assertThat(NoteBody.problem(body)).as(body).isEmpty();
    }

    @Test
    void aLineBreakCountsAsOneCharacterAsInTheForm() {
        String twoThousand = "a".repeat(999) + "\r\n" + "b".repeat(1000);
        assertThat(NoteBody.problem(twoThousand)).isEmpty();
        assertThat(NoteBody.check(twoThousand)).hasSize(2000).doesNotContain("\r");
        assertThat(NoteBody.problem(twoThousand + "c")).contains(NoteBody.Problem.TOO_LONG);
    }
}
