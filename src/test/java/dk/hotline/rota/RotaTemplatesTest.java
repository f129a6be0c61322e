package dk.hotline.rota;

import static dk.hotline.rota.RotaFixtures.COPENHAGEN;
import static dk.hotline.rota.RotaFixtures.leader;
import static dk.hotline.rota.RotaFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RotaTemplatesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2027-01-04T09:00:00Z"));
    private MigratedDatabase db;
    private Shifts shifts;
    private RotaTemplates templates;

    @BeforeEach
    void setUp() {
        db = new MigratedDatabase();
        shifts = new Shifts(db.jdbi(), RotaFixtures.LIMITS, Clock.systemUTC());
        templates = new RotaTemplates(db.jdbi(), COPENHAGEN, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void anEveningShiftStaysAt17LocalAcrossTheMarchChange() {
        long maja = leader(db.jdbi(), "Maja");
        template(maja, "SUNDAY", "17:00", "21:00");

        templates.extend(Instant.parse("2027-03-15T09:00:00Z"), 6);

        var around = between("2027-03-20T00:00", "2027-04-05T00:00");
        assertThat(around).extracting(s -> s.start().atZone(COPENHAGEN).toLocalDate()).containsExactly(
                LocalDate.parse("2027-03-21"), LocalDate.parse("2027-03-28"), LocalDate.parse("2027-04-04"));
        assertThat(around).allSatisfy(s -> {
            assertThat(s.start().atZone(COPENHAGEN).toLocalTime()).isEqualTo(LocalTime.of(17, 0));
            assertThat(s.end().atZone(COPENHAGEN).toLocalTime()).isEqualTo(LocalTime.of(21, 0));
        });
        assertThat(offset(around.get(0))).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(offset(around.get(1))).as("the clocks went forward that morning").isEqualTo(ZoneOffset.ofHours(2));
        assertThat(offset(around.get(2))).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(around.get(0).start()).isEqualTo(Instant.parse("2027-03-21T16:00:00Z"));
        assertThat(around.get(2).start()).isEqualTo(Instant.parse("2027-04-04T15:00:00Z"));
    }

    @Test
    void anEveningShiftStaysAt17LocalAcrossTheOctoberChange() {
        long maja = leader(db.jdbi(), "Maja");
        template(maja, "SUNDAY", "17:00", "21:00");
        template(maja, "WEDNESDAY", "17:00", "21:00");

        templates.extend(Instant.parse("2027-10-18T09:00:00Z"), 6);

        var around = between("2027-10-24T00:00", "2027-11-08T00:00");
        assertThat(around).extracting(s -> s.start().atZone(COPENHAGEN).toLocalDate()).containsExactly(
                LocalDate.parse("2027-10-24"), LocalDate.parse("2027-10-27"), LocalDate.parse("2027-10-31"),
                LocalDate.parse("2027-11-03"), LocalDate.parse("2027-11-07"));
        assertThat(around).allSatisfy(s -> {
            assertThat(s.start().atZone(COPENHAGEN).toLocalTime()).isEqualTo(LocalTime.of(17, 0));
            assertThat(s.end().atZone(COPENHAGEN).toLocalTime()).isEqualTo(LocalTime.of(21, 0));
            assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofHours(4));
        });
        assertThat(around).extracting(RotaTemplatesTest::offset).containsExactly(
                ZoneOffset.ofHours(2), ZoneOffset.ofHours(2), ZoneOffset.ofHours(1), ZoneOffset.ofHours(1), ZoneOffset.ofHours(1));
    }

    @Test
    void anOvernightShiftOverTheOctoberChangeLastsAnHourLonger() {
        long emil = leader(db.jdbi(), "Emil");
        var t = template(emil, "SATURDAY", "22:00", "06:00");

        templates.extend(Instant.parse("2027-10-25T09:00:00Z"), 1);

        var night = between("2027-10-30T00:00", "2027-11-01T00:00");
        assertThat(t.overnight()).isTrue();
        assertThat(night).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(local("2027-10-30T22:00"));
            assertThat(s.end()).isEqualTo(local("2027-10-31T06:00"));
            assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofHours(9));
        });
    }

    @Test
    void aStartInTheSkippedHourMovesForwardByTheGap() {
        long emil = leader(db.jdbi(), "Emil");
        template(emil, "SUNDAY", "02:30", "05:00");

        templates.extend(Instant.parse("2027-03-22T09:00:00Z"), 1);

        assertThat(between("2027-03-28T00:00", "2027-03-29T00:00")).singleElement()
                .satisfies(s -> assertThat(s.start().atZone(COPENHAGEN).toLocalTime()).isEqualTo(LocalTime.of(3, 30)));
    }

    @Test
    void extendingTwiceMakesNoDuplicates() {
        long maja = leader(db.jdbi(), "Maja");
        long emil = leader(db.jdbi(), "Emil");
        template(maja, "MONDAY", "17:00", "21:00");
        template(emil, "TUESDAY", "09:00", "13:00");
        Instant now = Instant.parse("2027-05-01T09:00:00Z");

        int first = templates.extend(now, 6);
        int second = templates.extend(now, 6);

        assertThat(first).as("the creations already extended from 2027-01-04; these are the weeks after").isPositive();
        assertThat(second).isZero();
        var all = between("2027-01-01T00:00", "2027-07-01T00:00");
        assertThat(all).extracting(Shift::start).doesNotHaveDuplicates();
        assertThat(all).filteredOn(s -> s.start().isAfter(now)).hasSize(12);
    }

    @Test
    void anOccurrenceThatWouldOverlapALeadersOtherShiftIsSkipped() {
        long maja = leader(db.jdbi(), "Maja");
        shifts.create(new ShiftInput(maja, "2027-01-11T18:00:00+01:00", "2027-01-11T19:00:00+01:00"));

        template(maja, "MONDAY", "17:00", "21:00");

        var january = between("2027-01-04T00:00", "2027-01-26T00:00");
        assertThat(january).extracting(s -> s.start().atZone(COPENHAGEN).toLocalDateTime().toString())
                .containsExactly("2027-01-04T17:00", "2027-01-11T18:00", "2027-01-18T17:00", "2027-01-25T17:00");
    }

    @Test
    void deletingATemplateRemovesOnlyItsShiftsThatHaveNotStarted() {
        long maja = leader(db.jdbi(), "Maja");
        var t = template(maja, "MONDAY", "17:00", "21:00");
        assertThat(between("2027-01-04T00:00", "2027-02-16T00:00")).hasSize(6);
        long manual = shifts.create(new ShiftInput(maja, "2027-01-12T17:00:00+01:00", "2027-01-12T21:00:00+01:00")).id();

        clock.advance(Duration.between(clock.instant(), local("2027-01-11T18:00")));
        assertThat(templates.delete(t.id())).isTrue();

        assertThat(between("2027-01-04T00:00", "2027-03-01T00:00")).extracting(s -> s.start().atZone(COPENHAGEN).toLocalDate())
                .as("last week's and tonight's, which is under way, stay; the coordinator's own shift is not the template's")
                .containsExactly(LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-11"), LocalDate.parse("2027-01-12"));
        assertThat(between("2027-01-12T00:00", "2027-01-13T00:00")).extracting(Shift::id).containsExactly(manual);
        assertThat(templates.extend(clock.instant(), 6)).isZero();
        assertThat(templates.active()).isEmpty();
        assertThat(templates.delete(t.id())).isFalse();
    }

    @Test
    void aRemovedOccurrenceIsNotMadeAgain() {
        long maja = leader(db.jdbi(), "Maja");
        template(maja, "MONDAY", "17:00", "21:00");
        var secondWeek = between("2027-01-11T00:00", "2027-01-12T00:00").get(0);

        shifts.delete(secondWeek.id());
        templates.extend(clock.instant(), 6);

        assertThat(between("2027-01-11T00:00", "2027-01-12T00:00")).isEmpty();
        assertThat(between("2027-01-18T00:00", "2027-01-19T00:00")).hasSize(1);
    }

    @Test
    void aMovedOrHandedOverOccurrenceLeavesItsTemplate() {
        long maja = leader(db.jdbi(), "Maja");
        long emil = leader(db.jdbi(), "Emil");
        var t = template(maja, "MONDAY", "17:00", "21:00");
        var secondWeek = between("2027-01-11T00:00", "2027-01-12T00:00").get(0);
        var thirdWeek = between("2027-01-18T00:00", "2027-01-19T00:00").get(0);

        shifts.change(secondWeek.id(), new ShiftInput(null, "2027-01-11T18:00:00+01:00", "2027-01-11T22:00:00+01:00"));
        shifts.change(thirdWeek.id(), new ShiftInput(emil, null, null));
        templates.extend(clock.instant(), 6);

        assertThat(between("2027-01-11T00:00", "2027-01-12T00:00")).as("not made again at 17:00 beside the moved one")
                .extracting(Shift::leaderName, s -> s.start()).containsExactly(tuple("Maja", local("2027-01-11T18:00")));
        assertThat(between("2027-01-18T00:00", "2027-01-19T00:00")).as("Emil's now, and not Maja's again")
                .extracting(Shift::leaderName).containsExactly("Emil");
        templates.delete(t.id());
        assertThat(between("2027-01-11T00:00", "2027-01-19T00:00")).as("changed by hand: no longer the template's")
                .extracting(Shift::id).containsExactly(secondWeek.id(), thirdWeek.id());
    }

    @Test
    void aDeletedLeadersTemplatesMakeNothingMore() {
        long ida = leader(db.jdbi(), "Ida");
        template(ida, "FRIDAY", "10:00", "12:00");
        // Deleted as before a leader with shifts ahead could no longer be: the template is still there.
        db.jdbi().useHandle(h -> h.execute("UPDATE leaders SET deleted_at = now() WHERE id = ?", ida));

        clock.advance(Duration.ofDays(30));
        assertThat(templates.extend(clock.instant(), 6)).isZero();
        assertThat(templates.active()).isEmpty();
    }

    private ShiftTemplate template(long leader, String weekday, String start, String end) {
        return templates.create(new ShiftTemplateInput(leader, weekday, start, end));
    }

    private List<Shift> between(String fromLocal, String toLocal) {
        return shifts.overlapping(local(fromLocal), local(toLocal));
    }

    private static ZoneOffset offset(Shift s) {
        return s.start().atZone(COPENHAGEN).getOffset();
    }
}
