package dk.hotline.outbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.FormBody;
import dk.hotline.testing.MutableClock;
import dk.hotline.twilio.TwilioStubs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Two service instances on one database: every row is sent once, never twice, none lost. */
class TwoDispatchersTest {
    private static final int ROWS = 300;

    @Test
    void twoDispatchersOnOneDatabaseSendEveryRowExactlyOnce() throws Exception {
        var settings = new OutboxSettings(1000, 3, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMinutes(2), Duration.ofMillis(10));
        try (var fixture = new DispatcherFixture(twilio(40), Clock.systemUTC(), EncryptionKey.generate())) {
            var twilio = fixture.twilio();
            TwilioStubs.messageCreated(twilio);
            queue(fixture, "row:", ROWS);
            var a = fixture.dispatcher(settings);
            var b = fixture.dispatcher(settings);

            ExecutorService pool = Executors.newFixedThreadPool(2);
            var go = new CountDownLatch(1);
            Future<Integer> sentByA = pool.submit(() -> drain(a, go));
            Future<Integer> sentByB = pool.submit(() -> drain(b, go));
            go.countDown();
            int claimedA = sentByA.get();
            int claimedB = sentByB.get();
            pool.shutdown();
            a.close();
            b.close();

            List<String> bodies = twilio.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(TwilioStubs.MESSAGES_PATH)))
                    .stream().map(r -> FormBody.parse(r.getBodyAsString()).get("Body")).toList();
            var perBody = bodies.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(bodies).hasSize(ROWS);
            assertThat(perBody).hasSize(ROWS).allSatisfy((body, count) -> assertThat(count).isEqualTo(1L));
            assertThat(claimedA + claimedB).isEqualTo(ROWS);
            assertThat(claimedA).as("both instances took part").isPositive();
            assertThat(claimedB).as("both instances took part").isPositive();
            int unsent = fixture.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE status <> 'sent'")
                    .mapTo(Integer.class).one());
            assertThat(unsent).isZero();
        }
    }

    @Test
    void twoDispatchersShareOneRateLimit() throws Exception {
        // One clock for both instances, standing still: every claim below falls in one second.
        var clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        var settings = new OutboxSettings(10, 3, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMinutes(2), Duration.ofMillis(10));
        try (var fixture = new DispatcherFixture(twilio(20), clock, EncryptionKey.generate())) {
            var twilio = fixture.twilio();
            TwilioStubs.messageCreated(twilio);
            queue(fixture, "rate:", 30);
            var a = fixture.dispatcher(settings);
            var b = fixture.dispatcher(settings);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                int firstSecond = together(pool, a, b);
                clock.advance(Duration.ofMillis(1001));
                int nextSecond = together(pool, a, b);

                assertThat(firstSecond).as("claimed by both within one second").isEqualTo(settings.rate());
                assertThat(nextSecond).as("claimed by both within the next second").isEqualTo(settings.rate());
                assertThat(TwilioStubs.requestCount(twilio)).isEqualTo(2 * settings.rate());
            } finally {
                pool.shutdown();
            }
        }
    }

    /** WireMock with enough threads for two instances' send threads at once. */
    private static WireMockServer twilio(int threads) {
        return new WireMockServer(options().dynamicPort().containerThreads(threads));
    }

    /** {@code n} texts to as many numbers, in one transaction, due now. */
    private static void queue(DispatcherFixture fixture, String keyPrefix, int n) {
        fixture.jdbi().useTransaction(tx -> {
            for (int i = 0; i < n; i++) {
                fixture.outbox().sms(tx, MessageKind.RELAY_OUT, keyPrefix + i, PhoneNumber.parse("+45201" + String.format("%05d", i)),
                        "besked " + i, fixture.clock().instant());
            }
        });
    }

    /** Lets both drain at once; returns how many rows they claimed together. */
    private static int together(ExecutorService pool, OutboxDispatcher a, OutboxDispatcher b) throws Exception {
        var go = new CountDownLatch(1);
        Future<Integer> byA = pool.submit(() -> drain(a, go));
        Future<Integer> byB = pool.submit(() -> drain(b, go));
        go.countDown();
        return byA.get() + byB.get();
    }

    /** Dispatches in small rounds until a round finds nothing; returns how many rows it claimed. */
    private static int drain(OutboxDispatcher dispatcher, CountDownLatch go) throws InterruptedException {
        go.await();
        int total = 0;
        int n;
        while ((n = dispatcher.dispatchOnce()) > 0) {
            total += n;
        }
        return total;
    }
}
