package dk.hotline.outbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.twilio.SdkTwilioGateway;
import dk.hotline.twilio.TwilioGateway;
import dk.hotline.twilio.TwilioStubs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox as a service instance has it, without the web tier: a migrated database, WireMock
 * playing Twilio's REST API, an {@link Outbox} that queues with a fresh key, and
 * {@link OutboxDispatcher}s built from settings on the fixture's clock, each with its own SDK
 * gateway to WireMock. Closing it closes every dispatcher and gateway it made, the database, and
 * WireMock if the fixture started it.
 */
public final class DispatcherFixture implements AutoCloseable {
    public static final PhoneNumber HOTLINE = PhoneNumber.parse("+4570000001");
    public static final URI PUBLIC_URL = URI.create("https://hotline.example.org");

    private final WireMockServer twilio;
    private final boolean ownsTwilio;
    private final Clock clock;
    private final EncryptionKey key;
    private final PersonalDataCipher cipher;
    private final MigratedDatabase db;
    private final Outbox outbox;
    private final List<AutoCloseable> made = new ArrayList<>();

    /** With WireMock on a free port; stub it as the test needs. */
    public DispatcherFixture(Clock clock) {
        this(new WireMockServer(options().dynamicPort()), clock, EncryptionKey.generate());
    }

    /**
     * With {@code twilio} as Twilio (started here unless it runs already, and then left running at
     * the end) and {@code key} for sealing numbers and bodies.
     */
    public DispatcherFixture(WireMockServer twilio, Clock clock, EncryptionKey key) {
        this.twilio = twilio;
        this.ownsTwilio = !twilio.isRunning();
        if (ownsTwilio) {
            twilio.start();
        }
        this.clock = clock;
        this.key = key;
        this.cipher = new PersonalDataCipher(key);
        this.db = new MigratedDatabase();
        this.outbox = new Outbox(cipher, new BlindIndex(key), clock);
    }

    public WireMockServer twilio() {
        return twilio;
    }

    public MigratedDatabase db() {
        return db;
    }

    public Jdbi jdbi() {
        return db.jdbi();
    }

    public Clock clock() {
        return clock;
    }

    public EncryptionKey key() {
        return key;
    }

    public PersonalDataCipher cipher() {
        return cipher;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** A new SDK gateway to WireMock, with the made-up credentials it expects. */
    public SdkTwilioGateway gateway() {
        // By address: a name to resolve would add its look-up to every request a benchmark times.
        return made(new SdkTwilioGateway(TwilioStubs.ACCOUNT_SID, TwilioStubs.AUTH_TOKEN, URI.create("http://127.0.0.1:" + twilio.port())));
    }

    /** A dispatcher on the fixture's database with a gateway of its own. */
    public OutboxDispatcher dispatcher(OutboxSettings settings) {
        return dispatcher(gateway(), settings, new SimpleMeterRegistry());
    }

    public OutboxDispatcher dispatcher(TwilioGateway gateway, OutboxSettings settings, MeterRegistry metrics) {
        return dispatcher(db.jdbi(), gateway, settings, metrics);
    }

    /** A dispatcher on {@code jdbi}: another instance's connection pool to the same database. */
    public OutboxDispatcher dispatcher(Jdbi jdbi, TwilioGateway gateway, OutboxSettings settings, MeterRegistry metrics) {
        return made(new OutboxDispatcher(jdbi, gateway, cipher, HOTLINE, PUBLIC_URL, settings, clock, metrics));
    }

    /** Queues a relayed text to {@code to}, due now; returns its row id. */
    public long queue(String dedupeKey, PhoneNumber to, String body) {
        return db.jdbi().inTransaction(tx -> outbox.sms(tx, MessageKind.RELAY_OUT, dedupeKey, to, body, clock.instant()).orElseThrow());
    }

    /** Dispatches rounds until one finds nothing due; returns how many rows they claimed. */
    public static int drain(OutboxDispatcher dispatcher) {
        int total = 0;
        int n;
        while ((n = dispatcher.dispatchOnce()) > 0) {
            total += n;
        }
        return total;
    }

    /** What the database says of a row: status, attempts, twilio_sid, delivery_status, error_code, error. */
    public Map<String, Object> row(long id) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT status, attempts, twilio_sid, delivery_status, error_code, error FROM outbox WHERE id = :id")
                .bind("id", id).mapToMap().one());
    }

    /** A form value as it stands, URL-encoded, in a request to Twilio. */
    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private <T extends AutoCloseable> T made(T closeable) {
        made.add(closeable);
        return closeable;
    }

    @Override
    public void close() {
        try {
            // Dispatchers before the gateways they send through (made first), all before the database.
            for (int i = made.size() - 1; i >= 0; i--) {
                closeQuietly(made.get(i));
            }
            made.clear();
            db.close();
        } finally {
            if (ownsTwilio) {
                twilio.stop();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + closeable, e);
        }
    }
}
