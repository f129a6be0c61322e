package dk.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.common.Language;
import dk.hotline.rota.Rota;
import dk.hotline.rota.RotaFixtures;
import dk.hotline.rota.ShiftInput;
import dk.hotline.rota.Shifts;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A leader whose ringing Twilio never reported the end of (a lost status callback) is free again
 * once the offer is stale, though routing sweeps stale offers only every half minute.
 */
class RouterStaleOfferTest {
    @Test
    void aLeaderHeldByALostCallbackIsRungAgainAfterTenMinutesNotBefore() {
        try (var db = new MigratedDatabase()) {
            Instant start = Instant.parse("2026-12-07T10:00:00Z");
            var clock = new MutableClock(start);
            var leaders = RotaFixtures.leaders(db.jdbi());
            long maja = RotaFixtures.leader(db.jdbi(), "Maja");
            new Shifts(db.jdbi(), RotaFixtures.LIMITS, clock)
                    .create(new ShiftInput(maja, start.minus(Duration.ofHours(1)).toString(), start.plus(Duration.ofHours(2)).toString()));
            var settings = new RoutingSettings(RoutingSettings.Strategy.SEQUENTIAL, 20, 1, 60, Duration.ofMinutes(1), 8);
            var router = new Router(new Rota(db.jdbi()), leaders, settings, clock);

            assertThat(route(db, router, "CA00000000000000000000000000000001")).isInstanceOf(RouteDecision.Ring.class);
            // Maja's phone rang and nothing ever said it stopped.
            clock.advance(Duration.ofMinutes(9));
            assertThat(route(db, router, "CA00000000000000000000000000000002")).as("still ringing as far as we know")
                    .isInstanceOf(RouteDecision.AllBusy.class);
            clock.advance(Duration.ofMinutes(2));
            var decision = route(db, router, "CA00000000000000000000000000000003");
            assertThat(decision).as("the first offer is stale now").isInstanceOf(RouteDecision.Ring.class);
            assertThat(((RouteDecision.Ring) decision).offers()).extracting(Offer::leaderId).containsExactly(maja);
            String first = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT state FROM call_offers WHERE call_sid = 'CA00000000000000000000000000000001'").mapTo(String.class).one());
            assertThat(first).isEqualTo("missed");
        }
    }

    private static RouteDecision route(MigratedDatabase db, Router router, String callSid) {
        return db.jdbi().inTransaction(tx -> router.route(tx, callSid, Language.DANISH, OfferKind.INBOUND));
    }
}
