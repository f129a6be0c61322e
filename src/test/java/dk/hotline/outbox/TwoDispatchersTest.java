package dk.hotline.outbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.MutableClock;
import dk.hotline.twilio.SdkTwilioGateway;
import dk.hotline.twilio.TwilioStubs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
        var twilio = new WireMockServer(options().dynamicPort().containerThreads(40));
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        var key = EncryptionKey.generate();
        var cipher = new PersonalDataCipher(key);
        var settings = new OutboxSettings(1000, 3, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMinutes(2), Duration.ofMillis(10));
        try (var db = new MigratedDatabase();
             var gatewayA = new SdkTwilioGateway(TwilioStubs.ACCOUNT_SID, TwilioStubs.AUTH_TOKEN, URI.create(twilio.baseUrl()));
             var gatewayB = new SdkTwilioGateway(TwilioStubs.ACCOUNT_SID, TwilioStubs.AUTH_TOKEN, URI.create(twilio.baseUrl()))) {
            var outbox = new Outbox(cipher, new BlindIndex(key), Clock.systemUTC());
            db.jdbi().useTransaction(tx -> {
                for (int i = 0; i < ROWS; i++) {
                    outbox.sms(tx, MessageKind.RELAY_OUT, "row:" + i, PhoneNumber.parse("+45201" + String.format("%05d", i)), "besked " + i,
                            Clock.systemUTC().instant());
                }
            });
            var from = PhoneNumber.parse("+4570000001");
            var a = new OutboxDispatcher(db.jdbi(), gatewayA, cipher, from, URI.create("https://h.example.org"), settings,
                    Clock.systemUTC(), new SimpleMeterRegistry());
            var b = new OutboxDispatcher(db.jdbi(), gatewayB, cipher, from, URI.create("https://h.example.org"), settings,
                    Clock.systemUTC(), new SimpleMeterRegistry());

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
                    .stream().map(r -> formField(r.getBodyAsString(), "Body")).toList();
            var perBody = bodies.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(bodies).hasSize(ROWS);
            assertThat(perBody).hasSize(ROWS).allSatisfy((body, count) -> assertThat(count).isEqualTo(1L));
            assertThat(claimedA + claimedB).isEqualTo(ROWS);
            assertThat(claimedA).as("both instances took part").isPositive();
            assertThat(claimedB).as("both instances took part").isPositive();
            int unsent = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE status <> 'sent'")
                    .mapTo(Integer.class).one());
            assertThat(unsent).isZero();
        } finally {
            twilio.stop();
        }
    }

    @Test
    void twoDispatchersShareOneRateLimit() throws Exception {
        var twilio = new WireMockServer(options().dynamicPort().containerThreads(20));
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        var key = EncryptionKey.generate();
        var cipher = new PersonalDataCipher(key);
        // One clock for both instances, standing still: every claim below falls in one second.
        var clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        var settings = new OutboxSettings(10, 3, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMinutes(2), Duration.ofMillis(10));
        try (var db = new MigratedDatabase();
             var gatewayA = new SdkTwilioGateway(TwilioStubs.ACCOUNT_SID, TwilioStubs.AUTH_TOKEN, URI.create(twilio.baseUrl()));
             var gatewayB = new SdkTwilioGateway(TwilioStubs.ACCOUNT_SID, TwilioStubs.AUTH_TOKEN, URI.create(twilio.baseUrl()))) {
            var outbox = new Outbox(cipher, new BlindIndex(key), clock);
            db.jdbi().useTransaction(tx -> {
                for (int i = 0; i < 30; i++) {
                    outbox.sms(tx, MessageKind.RELAY_OUT, "rate:" + i, PhoneNumber.parse("+45201" + String.format("%05d", i)), "besked " + i, clock.instant());
                }
            });
            var from = PhoneNumber.parse("+4570000001");
            var a = new OutboxDispatcher(db.jdbi(), gatewayA, cipher, from, URI.create("https://h.example.org"), settings,
                    clock, new SimpleMeterRegistry());
            var b = new OutboxDispatcher(db.jdbi(), gatewayB, cipher, from, URI.create("https://h.example.org"), settings,
                    clock, new SimpleMeterRegistry());
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
                a.close();
                b.close();
            }
        } finally {
            twilio.stop();
        }
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

    private static String formField(String body, String name) {
        return Arrays.stream(body.split("&"))
                .filter(p -> p.startsWith(name + "="))
                .map(p -> URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }
}
