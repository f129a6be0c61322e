package dk.hotline.routing;

import dk.hotline.routing.RoutingSettings;

import dk.hotline.common.Language;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.rota.Rota;
import dk.hotline.rota.RotaFixtures;
import dk.hotline.rota.ShiftInput;
import dk.hotline.rota.Shifts;
import dk.hotline.testing.MigratedDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 50 calls arriving together, 3 free leaders, one PostgreSQL: nobody is rung for two calls. */
class RouterConcurrencyTest {
    private static final int CALLS = 50;

    @Test
    void fiftySimultaneousCallsRingEachOfThreeLeadersForAtMostOneCall() throws Exception {
        try (var db = new MigratedDatabase()) {
            var leaders = RotaFixtures.leaders(db.jdbi());
            var shifts = new Shifts(db.jdbi(), dk.hotline.rota.RotaFixtures.LIMITS, Clock.systemUTC());
            Instant now = Instant.now();
            for (String name : List.of("Maja", "Emil", "Sofie")) {
                long id = RotaFixtures.leader(db.jdbi(), name);
                shifts.create(new ShiftInput(id, now.minus(Duration.ofHours(1)).toString(), now.plus(Duration.ofHours(1)).toString()));
            }
            for (var strategy : RoutingSettings.Strategy.values()) {
                var settings = new RoutingSettings(strategy, 20, 3, 60, Duration.ofMinutes(1), 8);
                var router = new Router(new Rota(db.jdbi()), leaders, settings, Clock.systemUTC());

                List<RouteDecision> decisions = arriveTogether(db, router, strategy.name());

                List<Long> rung = decisions.stream()
                        .filter(d -> d instanceof RouteDecision.Ring)
                        .flatMap(d -> ((RouteDecision.Ring) d).offers().stream())
                        .map(Offer::leaderId).toList();
                assertThat(rung).as(strategy + ": each leader rung for one call at most").doesNotHaveDuplicates();
                assertThat(rung).as(strategy + ": every free leader is rung").hasSize(3);
                assertThat(decisions.stream().filter(d -> d instanceof RouteDecision.AllBusy))
                        .as(strategy + ": the rest wait in the queue").hasSize(CALLS - (int) decisions.stream()
                                .filter(d -> d instanceof RouteDecision.Ring).count());
                int doubleBooked = db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM (SELECT leader_id FROM call_offers WHERE state IN ('ringing', 'accepted')
                                              GROUP BY leader_id HAVING count(*) > 1) x""").mapTo(Integer.class).one());
                assertThat(doubleBooked).isZero();
                db.jdbi().useHandle(h -> h.execute("UPDATE call_offers SET state = 'missed', ended_at = now() WHERE state = 'ringing'"));
            }
        }
    }

    private static List<RouteDecision> arriveTogether(MigratedDatabase db, Router router, String round) throws Exception {
        var pool = Executors.newFixedThreadPool(CALLS);
        var go = new CountDownLatch(1);
        var futures = new ArrayList<Future<RouteDecision>>();
        for (int i = 0; i < CALLS; i++) {
            String sid = String.format("CA%s%027d", round.substring(0, 5).toLowerCase().replaceAll("[^a-f0-9]", "0"), i);
            futures.add(pool.submit(() -> {
                go.await();
                return db.jdbi().inTransaction(tx -> router.route(tx, sid, Language.DANISH, OfferKind.INBOUND));
            }));
        }
        go.countDown();
        var out = new ArrayList<RouteDecision>();
        for (var f : futures) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }
}
