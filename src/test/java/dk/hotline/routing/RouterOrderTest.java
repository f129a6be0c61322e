package dk.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.common.Language;
import dk.hotline.rota.LeaderInput;
import dk.hotline.rota.Rota;
import dk.hotline.rota.RotaFixtures;
import dk.hotline.rota.ShiftInput;
import dk.hotline.rota.Shifts;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls are shared out fairly: of the leaders on call who speak the caller's language, the one
 * offered a call longest ago (never: first) is rung, however the offers before ended.
 */
class RouterOrderTest {
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theLeaderOfferedACallLongestAgoIsRungFirstAndTheCallersLanguageComesBeforeThat() {
        try (var db = new MigratedDatabase()) {
            var clock = new MutableClock(START);
            var leaders = RotaFixtures.leaders(db.jdbi());
            long maja = RotaFixtures.leader(db.jdbi(), "Maja");
            long jonas = RotaFixtures.leader(db.jdbi(), "Jonas");
            long sara = leaders.create(new LeaderInput("Sara", "+4520999001", List.of("da", "en"), true, true)).id();
            var shifts = new Shifts(db.jdbi(), RotaFixtures.LIMITS, clock);
            for (long leader : new long[] {maja, jonas, sara}) {
                shifts.create(new ShiftInput(leader, START.minus(Duration.ofHours(1)).toString(), START.plus(Duration.ofHours(4)).toString()));
            }
            var settings = new RoutingSettings(RoutingSettings.Strategy.SEQUENTIAL, 20, 1, 60, Duration.ofMinutes(1), 8);
            var router = new Router(new Rota(db.jdbi()), leaders, settings, clock);

            // Nobody was offered a call yet: by id. Each rings, does not answer, and the next call comes.
            assertThat(ringAndMiss(db, router, clock, 1, Language.DANISH)).isEqualTo(maja);
            assertThat(ringAndMiss(db, router, clock, 2, Language.DANISH)).isEqualTo(jonas);
            assertThat(ringAndMiss(db, router, clock, 3, Language.DANISH)).isEqualTo(sara);
            assertThat(ringAndMiss(db, router, clock, 4, Language.DANISH)).as("Maja's offer is the oldest").isEqualTo(maja);
            assertThat(ringAndMiss(db, router, clock, 5, Language.ENGLISH)).as("the one who speaks English, though offered later")
                    .isEqualTo(sara);
            assertThat(ringAndMiss(db, router, clock, 6, Language.DANISH)).isEqualTo(jonas);
        }
    }

    private static long ringAndMiss(MigratedDatabase db, Router router, MutableClock clock, int call, Language language) {
        String callSid = String.format("CA%032x", call);
        var decision = db.jdbi().inTransaction(tx -> router.route(tx, callSid, language, OfferKind.INBOUND));
        assertThat(decision).isInstanceOf(RouteDecision.Ring.class);
        var offer = ((RouteDecision.Ring) decision).offers().get(0);
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE call_offers SET state = 'missed', ended_at = :now WHERE id = :id")
                .bind("now", clock.instant()).bind("id", offer.id()).execute());
        clock.advance(Duration.ofMinutes(1));
        return offer.leaderId();
    }
}
