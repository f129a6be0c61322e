package dk.hotline.rota;

import static dk.hotline.rota.RotaFixtures.leader;
import static dk.hotline.rota.RotaFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.privacy.Audited;
import dk.hotline.testing.MigratedDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RotaTest {
    private MigratedDatabase db;
    private Shifts shifts;
    private Rota rota;

    @BeforeEach
    void setUp() {
        db = new MigratedDatabase();
        shifts = new Shifts(db.jdbi(), RotaFixtures.LIMITS, Clock.systemUTC());
        rota = new Rota(db.jdbi());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aShiftCoversItsStartButNotItsEnd() {
        long maja = leader(db.jdbi(), "Maja");
        shift(maja, "2027-05-03T10:00", "2027-05-03T12:00");

        assertThat(onShift(local("2027-05-03T10:00").minusSeconds(1))).isEmpty();
        assertThat(onShift(local("2027-05-03T10:00"))).containsExactly(maja);
        assertThat(onShift(local("2027-05-03T12:00").minusNanos(1000))).containsExactly(maja);
        assertThat(onShift(local("2027-05-03T12:00"))).isEmpty();
    }

    @Test
    void whoIsOnCallCountsAShiftFromItsStartToJustBeforeItsEnd() {
        long maja = leader(db.jdbi(), "Maja");
        long emil = leader(db.jdbi(), "Emil");
        shift(maja, "2027-05-03T10:00", "2027-05-03T12:00");
        shift(emil, "2027-05-03T12:00", "2027-05-03T14:00");

        assertThat(onCall(local("2027-05-03T10:00").minusNanos(1000))).isEmpty();
        assertThat(onCall(local("2027-05-03T10:00"))).containsExactly(maja);
        assertThat(onCall(local("2027-05-03T12:00").minusNanos(1000))).containsExactly(maja);
        assertThat(onCall(local("2027-05-03T12:00"))).as("the handover instant: the next shift's").containsExactly(emil);
        assertThat(onCall(local("2027-05-03T14:00"))).isEmpty();
    }

    @Test
    void inactiveAndDeletedLeadersAreNotOnShift() {
        long maja = leader(db.jdbi(), "Maja");
        long emil = leader(db.jdbi(), "Emil");
        long ida = leader(db.jdbi(), "Ida");
        // Deactivated first: a leader with shifts ahead cannot be deactivated or deleted.
        RotaFixtures.leaders(db.jdbi()).update(emil, new LeaderInput(null, null, null, false, null), LeaderDuties.NONE, Audited.none());
        for (long id : List.of(maja, emil, ida)) {
            shift(id, "2027-05-03T10:00", "2027-05-03T12:00");
        }
        // Deleted as before that rule: the shifts of such a leader are still in the table.
        db.jdbi().useHandle(h -> h.execute("UPDATE leaders SET deleted_at = now() WHERE id = ?", ida));

        assertThat(onShift(local("2027-05-03T11:00"))).containsExactly(maja);
    }

    @Test
    void nextShiftStartIsTheEarliestStartStrictlyAfterTheGivenTime() {
        long maja = leader(db.jdbi(), "Maja");
        long emil = leader(db.jdbi(), "Emil");
        shift(maja, "2027-05-03T10:00", "2027-05-03T12:00");
        shift(emil, "2027-05-03T14:00", "2027-05-03T16:00");
        long away = leader(db.jdbi(), "Away");
        RotaFixtures.leaders(db.jdbi()).update(away, new LeaderInput(null, null, null, false, null), LeaderDuties.NONE, Audited.none());
        shift(away, "2027-05-03T13:00", "2027-05-03T14:00");

        assertThat(next(local("2027-05-03T09:00"))).contains(local("2027-05-03T10:00"));
        assertThat(next(local("2027-05-03T10:00"))).as("an inactive leader's shift does not open the line")
                .contains(local("2027-05-03T14:00"));
        assertThat(next(local("2027-05-03T14:00"))).isEmpty();
    }

    @Test
    void coverageGapsAreTheHolesBetweenOverlappingShifts() {
        long maja = leader(db.jdbi(), "Maja");
        long emil = leader(db.jdbi(), "Emil");
        shift(maja, "2027-05-03T09:00", "2027-05-03T12:00");
        shift(emil, "2027-05-03T11:00", "2027-05-03T13:00");
        shift(maja, "2027-05-03T15:00", "2027-05-03T18:00");

        var gaps = rota.coverageGaps(local("2027-05-03T08:00"), local("2027-05-03T20:00"));

        assertThat(gaps).containsExactly(
                new Gap(local("2027-05-03T08:00"), local("2027-05-03T09:00")),
                new Gap(local("2027-05-03T13:00"), local("2027-05-03T15:00")),
                new Gap(local("2027-05-03T18:00"), local("2027-05-03T20:00")));
    }

    @Test
    void aShiftRunningPastTheWindowLeavesNoGapAtItsEdges() {
        long maja = leader(db.jdbi(), "Maja");
        long away = leader(db.jdbi(), "Away");
        RotaFixtures.leaders(db.jdbi()).update(away, new LeaderInput(null, null, null, false, null), LeaderDuties.NONE, Audited.none());
        shift(maja, "2027-05-03T06:00", "2027-05-03T23:00");
        shift(away, "2027-05-03T23:00", "2027-05-04T06:00");

        assertThat(rota.coverageGaps(local("2027-05-03T08:00"), local("2027-05-03T20:00"))).isEmpty();
        assertThat(rota.coverageGaps(local("2027-05-03T20:00"), local("2027-05-04T02:00"))).as("inactive leaders cover nothing")
                .containsExactly(new Gap(local("2027-05-03T23:00"), local("2027-05-04T02:00")));
        assertThat(rota.coverageGaps(local("2027-06-01T00:00"), local("2027-06-01T00:00").plus(Duration.ofHours(1))))
                .containsExactly(new Gap(local("2027-06-01T00:00"), local("2027-06-01T01:00")));
    }

    private void shift(long leader, String start, String end) {
        shifts.create(new ShiftInput(leader, local(start).toString(), local(end).toString()));
    }

    private List<Long> onShift(Instant at) {
        return db.jdbi().inTransaction(tx -> rota.leadersOnShift(tx, at));
    }

    private List<Long> onCall(Instant at) {
        return db.jdbi().inTransaction(tx -> rota.onCallNow(tx, at)).stream().map(OnCall::id).toList();
    }

    private Optional<Instant> next(Instant after) {
        return db.jdbi().inTransaction(tx -> rota.nextShiftStart(tx, after));
    }
}
