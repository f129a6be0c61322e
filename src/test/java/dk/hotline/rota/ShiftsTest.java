package dk.hotline.rota;

import static dk.hotline.rota.RotaFixtures.leader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.hotline.privacy.Audited;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShiftsTest {
    private MigratedDatabase db;
    private Shifts shifts;

    @BeforeEach
    void setUp() {
        db = new MigratedDatabase();
        shifts = new Shifts(db.jdbi(), RotaFixtures.LIMITS, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aLeaderCannotHaveTwoOverlappingShifts() {
        long maja = leader(db.jdbi(), "Maja");
        shifts.create(new ShiftInput(maja, "2027-05-03T17:00:00+02:00", "2027-05-03T21:00:00+02:00"));

        assertThatThrownBy(() -> shifts.create(new ShiftInput(maja, "2027-05-03T20:00:00+02:00", "2027-05-03T23:00:00+02:00")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("start"));
        assertThat(shifts.overlapping(Instant.parse("2027-05-03T00:00:00Z"), Instant.parse("2027-05-04T00:00:00Z"))).hasSize(1);
    }

    @Test
    void backToBackShiftsAndOtherLeadersAtTheSameTimeAreFine() {
        long maja = leader(db.jdbi(), "Maja");
        long emil = leader(db.jdbi(), "Emil");

        shifts.create(new ShiftInput(maja, "2027-05-03T17:00:00+02:00", "2027-05-03T21:00:00+02:00"));
        shifts.create(new ShiftInput(maja, "2027-05-03T21:00:00+02:00", "2027-05-03T23:00:00+02:00"));
        shifts.create(new ShiftInput(emil, "2027-05-03T17:00:00+02:00", "2027-05-03T21:00:00+02:00"));

        var listed = shifts.overlapping(Instant.parse("2027-05-03T00:00:00Z"), Instant.parse("2027-05-04T00:00:00Z"));
        assertThat(listed).extracting(Shift::leaderName).containsExactly("Maja", "Emil", "Maja");
    }

    @Test
    void unknownOrDeletedLeaderAndBackwardTimesNameTheirField() {
        long ida = leader(db.jdbi(), "Ida");
        RotaFixtures.leaders(db.jdbi()).delete(ida, LeaderDuties.NONE, Audited.none());

        assertThatThrownBy(() -> shifts.create(new ShiftInput(ida, "2027-05-03T17:00:00+02:00", "2027-05-03T21:00:00+02:00")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("leaderId"));
        assertThatThrownBy(() -> shifts.create(new ShiftInput(999_999L, "2027-05-03T17:00:00+02:00", "2027-05-03T21:00:00+02:00")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("leaderId"));
        long emil = leader(db.jdbi(), "Emil");
        assertThatThrownBy(() -> shifts.create(new ShiftInput(emil, "2027-05-03T21:00:00+02:00", "2027-05-03T17:00:00+02:00")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("end"));
        assertThatThrownBy(() -> shifts.create(new ShiftInput(emil, "2027-05-03T17:00", "2027-05-03T21:00:00+02:00")))
                .as("a time without an offset is ambiguous on the night the clocks go back")
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("start"));
    }

    @Test
    void aRemovedShiftIsGone() {
        long maja = leader(db.jdbi(), "Maja");
        var shift = shifts.create(new ShiftInput(maja, "2027-05-03T17:00:00+02:00", "2027-05-03T21:00:00+02:00"));

        assertThat(shifts.delete(shift.id())).isTrue();

        assertThat(shifts.delete(shift.id())).isFalse();
        assertThat(shifts.overlapping(Instant.parse("2027-05-03T00:00:00Z"), Instant.parse("2027-05-04T00:00:00Z"))).isEmpty();
    }

    @Test
    void aMovedShiftHasItsNewTimesAndKeepsItsLeader() {
        long maja = leader(db.jdbi(), "Maja");
        var shift = shifts.create(new ShiftInput(maja, "2027-05-03T17:00:00+02:00", "2027-05-03T21:00:00+02:00"));

        var moved = shifts.change(shift.id(), new ShiftInput(null, "2027-05-04T18:00:00+02:00", "2027-05-04T22:00:00+02:00"));

        assertThat(moved).isEqualTo(new Shift(shift.id(), maja, "Maja", Instant.parse("2027-05-04T16:00:00Z"),
                Instant.parse("2027-05-04T20:00:00Z")));
        assertThat(shifts.overlapping(Instant.parse("2027-05-03T00:00:00Z"), Instant.parse("2027-05-06T00:00:00Z")))
                .containsExactly(moved);
    }

    @Test
    void aShiftHandedOverKeepsItsTimes() {
        long maja = leader(db.jdbi(), "Maja");
        long emil = leader(db.jdbi(), "Emil");
        var shift = shifts.create(new ShiftInput(maja, "2027-05-03T17:00:00+02:00", "2027-05-03T21:00:00+02:00"));

        var handedOver = shifts.change(shift.id(), new ShiftInput(emil, null, null));

        assertThat(handedOver).isEqualTo(new Shift(shift.id(), emil, "Emil", shift.start(), shift.end()));
        assertThat(shifts.overlapping(shift.start(), shift.end())).containsExactly(handedOver);
    }

    @Test
    void aChangeIsRefusedAsACreateWouldBeAndChangesNothing() {
        long maja = leader(db.jdbi(), "Maja");
        long emil = leader(db.jdbi(), "Emil");
        var shift = shifts.create(new ShiftInput(maja, "2027-05-03T17:00:00+02:00", "2027-05-03T21:00:00+02:00"));
        shifts.create(new ShiftInput(maja, "2027-05-04T17:00:00+02:00", "2027-05-04T21:00:00+02:00"));
        shifts.create(new ShiftInput(emil, "2027-05-03T20:00:00+02:00", "2027-05-03T23:00:00+02:00"));

        assertThatThrownBy(() -> shifts.change(shift.id(), new ShiftInput(null, "2027-05-04T20:00:00+02:00", "2027-05-04T22:00:00+02:00")))
                .as("onto her own next shift").isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("start"));
        assertThatThrownBy(() -> shifts.change(shift.id(), new ShiftInput(emil, null, null)))
                .as("Emil is on from 20:00").isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("leaderId"));
        assertThatThrownBy(() -> shifts.change(shift.id(), new ShiftInput(null, null, "2027-05-03T16:00:00+02:00")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("end"));
        assertThatThrownBy(() -> shifts.change(shift.id(), new ShiftInput(999_999L, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("leaderId"));
        assertThatThrownBy(() -> shifts.change(shift.id(), new ShiftInput(null, "17:00", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("start"));
        assertThatThrownBy(() -> shifts.change(999_999L, new ShiftInput(emil, null, null))).isInstanceOf(NotFoundException.class);

        assertThat(shifts.overlapping(shift.start(), shift.end())).as("nothing changed").first().isEqualTo(shift);
    }
}
