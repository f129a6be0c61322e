package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.rota.Gap;
import dk.hotline.rota.Shift;
import dk.hotline.web.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ISO weeks in the rota's zone, and how a week's days are cut at local midnight on both sides of a DST change. */
class RotaWeekTest {
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Messages DA = Messages.in(Language.DANISH);

    @ParameterizedTest(name = "{0} begins {1}")
    @CsvSource({"2026-W49, 2026-11-30, 2026-W48, 2026-W50", "2026-W53, 2026-12-28, 2026-W52, 2027-W01",
            "2027-W01, 2027-01-04, 2026-W53, 2027-W02", "2027-W12, 2027-03-22, 2027-W11, 2027-W13"})
    void anIsoWeekBeginsOnItsMondayAndKnowsItsNeighbours(String code, LocalDate monday, String previous, String next) {
        var week = RotaWeek.parse(code, COPENHAGEN, NOW);

        assertThat(week.monday()).isEqualTo(monday);
        assertThat(week.code()).isEqualTo(code);
        assertThat(week.plus(-1).code()).isEqualTo(previous);
        assertThat(week.plus(1).code()).isEqualTo(next);
    }

    @Test
    void noWeekIsThisWeekInTheRotasZone() {
        assertThat(RotaWeek.parse(null, COPENHAGEN, NOW).code()).isEqualTo("2026-W49");
        assertThat(RotaWeek.parse("", COPENHAGEN, Instant.parse("2026-12-06T23:30:00Z")).code())
                .as("already Monday in Copenhagen").isEqualTo("2026-W50");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2027-W53", "2026-W00", "2026-W5", "2026W49", "week 49", "2026-W49x"})
    void anythingElseIsA400OnWeek(String raw) {
        assertThatThrownBy(() -> RotaWeek.parse(raw, COPENHAGEN, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("week"));
    }

    @Test
    void theDayTheClocksGoForwardHas23HoursAndAnEveningShiftKeepsItsLocalTimes() {
        var week = RotaWeek.parse("2027-W12", COPENHAGEN, NOW);
        var shift = new Shift(1, 7, "Maja", local("2027-03-28T17:00"), local("2027-03-28T21:00"));
        var saturday = new Shift(2, 7, "Maja", local("2027-03-27T17:00"), local("2027-03-27T21:00"));

        var days = week.days(List.of(saturday, shift), List.of(), LocalDate.of(2026, 12, 2), Optional.empty(), Set.of(), false, DA);

        assertThat(days.get(6).title()).isEqualTo("Søndag 28/3");
        assertThat(days.get(6).hoursNote()).isEqualTo("Døgnet har 23 timer: uret stilles en time frem.");
        assertThat(days.get(6).entries()).extracting(RotaView.Entry::time).containsExactly("17:00–21:00");
        assertThat(days.get(5).entries()).extracting(RotaView.Entry::time).containsExactly("17:00–21:00");
        assertThat(days.get(5).hoursNote()).isEmpty();
        assertThat(shift.end().getEpochSecond() - saturday.end().getEpochSecond()).as("a day later, 23 hours later")
                .isEqualTo(23 * 3600);
    }

    @Test
    void theNightTheClocksGoBackANightShiftShowsOnBothDaysAndTheGapsAreCutAtMidnight() {
        var week = RotaWeek.parse("2027-W43", COPENHAGEN, NOW);
        var night = new Shift(1, 7, "Ida", local("2027-10-30T22:00"), local("2027-10-31T08:00"));
        var gaps = List.of(new Gap(week.from(), night.start()), new Gap(night.end(), week.to()));

        var days = week.days(List.of(night), gaps, LocalDate.of(2027, 10, 31), Optional.of(7L), Set.of(), true, DA);

        assertThat(days.get(5).entries()).extracting(RotaView.Entry::who, RotaView.Entry::time, RotaView.Entry::note)
                .containsExactly(tuple("Ingen på vagt", "00:00–22:00", ""),
                        tuple("Ida", "22:00–08:00", "til søndag"));
        assertThat(days.get(6).entries()).extracting(RotaView.Entry::who, RotaView.Entry::time, RotaView.Entry::note)
                .containsExactly(tuple("Ida", "22:00–08:00", "fra lørdag"),
                        tuple("Ingen på vagt", "08:00–24:00", ""));
        assertThat(days.get(6).hoursNote()).isEqualTo("Døgnet har 25 timer: uret stilles en time tilbage.");
        assertThat(days.get(6).today()).isTrue();
        assertThat(days.get(6).entries().get(0).own()).isTrue();
        assertThat(days.get(6).entries().get(0).editHref()).isEqualTo("/rota?week=2027-W43&shift=1#edit");
        assertThat(night.end().getEpochSecond() - night.start().getEpochSecond()).as("22:00 to 08:00 is 11 hours that night")
                .isEqualTo(11 * 3600);
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(COPENHAGEN).toInstant();
    }
}
