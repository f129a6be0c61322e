package dk.hotline.sms;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.db.DatabaseUrl;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.DatabaseRelay;
import dk.hotline.testing.LogCapture;
import dk.hotline.testing.TestService;
import dk.hotline.testing.Twiml;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import dk.hotline.twilio.Webhook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Texts that come while PostgreSQL is down are answered at once, kept, and acted on once when it is
 * back, without a restart; a call that comes then is handed to Twilio's voice fallback URL in time. The database sits behind a {@link DatabaseRelay} the test cuts and
 * restores, so the shared PostgreSQL other test classes use stays up.
 */
class SmsOutageTest {
    private static final String SURVIVOR = "+4531415926";
    private static final String MAJA = "+4520000011";
    private static final Duration SOON = Await.SOON;

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private DatabaseRelay relay;
    private TestService service;
    private TwilioSms sms;

    @BeforeEach
    void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        TwilioStubs.callCreated(twilio);
        service = TestService.start(twilio.baseUrl(), env -> {
            try {
                relay = DatabaseRelay.open(DatabaseUrl.parse(env.get("DATABASE_URL")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            env.put("DATABASE_URL", relay.url().jdbcUrl());
            return env;
        }, Clock.systemUTC());
        sms = new TwilioSms(service, twilio);
        var coordinator = new Coordinator(service);
        long maja = coordinator.leader("Maja", MAJA, List.of("da"));
        Instant now = Instant.now();
        coordinator.shift(maja, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)));
    }

    @AfterEach
    void stop() throws IOException {
        relay.restore();
        service.close();
        relay.close();
        twilio.stop();
    }

    @Test
    void textsDuringAnOutageAreAnsweredAtOnceAndReachTheLeaderOnCallOnceTheDatabaseIsBack() throws IOException {
        try (var logs = new LogCapture()) {
            relay.cut(DatabaseRelay.Outage.REFUSED);

            String first = TwilioSms.newSid();
            long started = System.nanoTime();
            var primary = text(Webhook.SMS, first, SURVIVOR, "Er der nogen?");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(primary.statusCode()).as(primary.body()).isEqualTo(200);
            assertThat(took).as("Twilio, and the texter, are answered within moments").isLessThan(Duration.ofSeconds(3));
            assertThat(Twiml.parse(primary.body()).text("/Response/Message")).isEqualTo(service.text("da", "smsReceived"));

            String second = TwilioSms.newSid();
            var fallback = text(Webhook.SMS_FALLBACK, second, SURVIVOR, "Jeg venter her");
            assertThat(fallback.statusCode()).as(fallback.body()).isEqualTo(200);
            assertThat(Twiml.parse(fallback.body()).text("/Response/Message")).isEqualTo(service.text("da", "smsReceived"));
            assertThat(sms.sent()).as("nothing can be sent while the database is away").isEmpty();

            relay.restore();

            Await.until("both texts reach the leader on call", SOON, () -> sms.sentTo(MAJA).size() >= 2);
            Await.until("the spool is empty", SOON, () -> spooled().isEmpty());
            awaitOutboxSent();
            assertThat(sms.sentTo(MAJA)).as("each text relayed once, in the order they came")
                    .containsExactly("[K1] Er der nogen?", "[K1] Jeg venter her");
            assertThat(sms.sent().stream().filter(m -> m.get("Body").startsWith("[K"))).hasSize(2);
            Await.until("/health is 200 again", SOON, () -> service.get("/health").statusCode() == 200);

            var lines = logs.lines();
            for (String sid : List.of(first, second)) {
                assertThat(lines).anyMatch(l -> l.contains("event=sms.spooled sid=" + sid));
                assertThat(lines).anyMatch(l -> l.contains("event=sms.replayed sid=" + sid));
            }
            assertThat(lines).noneMatch(l -> l.contains("31415926") || l.contains("Er der nogen") || l.contains("venter her"));
        }
    }

    /**
     * Twilio turns to the number's voice fallback URL when the voice URL fails; the caller must not
     * wait long in silence for that, whether the database refuses or hangs.
     */
    @ParameterizedTest
    @EnumSource(DatabaseRelay.Outage.class)
    void aCallDuringTheOutageFailsWithinThreeSecondsAndTheFallbackAnswersAtOnce(DatabaseRelay.Outage outage) throws IOException {
        relay.cut(outage);
        // Use up connections the cut left in the pool: the pool finds them dead at once.
        service.get("/health");
        long started = System.nanoTime();
        var call = service.twilio(Webhook.VOICE.path(), TestService.incomingCall("CA" + "0".repeat(31) + "7", SURVIVOR));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(call.statusCode()).as("an error, so Twilio asks the fallback URL").isGreaterThanOrEqualTo(500);
        assertThat(took).isLessThan(Duration.ofSeconds(3));

        started = System.nanoTime();
        var fallback = service.twilio(Webhook.VOICE_FALLBACK.path(), TestService.incomingCall("CA" + "0".repeat(31) + "7", SURVIVOR));
        assertThat(fallback.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(Twiml.parse(fallback.body()).count("/Response/Say")).as("the caller hears something, 112 at least").isPositive();
    }

    @Test
    void aTextBothSpooledAndRetriedToTheWebhookAfterTheOutageIsActedOnOnce() throws IOException {
        relay.cut(DatabaseRelay.Outage.REFUSED);
        String sid = TwilioSms.newSid();
        assertThat(text(Webhook.SMS_FALLBACK, sid, SURVIVOR, "Kun en gang").statusCode()).isEqualTo(200);

        try (var logs = new LogCapture()) {
            relay.restore();
            Await.until("/health is 200 again", SOON, () -> service.get("/health").statusCode() == 200);
            // Twilio retries the same text to the primary URL, around when the replayer takes it too.
            var retried = text(Webhook.SMS, sid, SURVIVOR, "Kun en gang");
            assertThat(retried.statusCode()).isEqualTo(200);
            assertThat(Twiml.parse(retried.body()).count("/Response/*")).as("acted on, not spooled again").isZero();
            Await.until("the spool is empty", SOON, () -> spooled().isEmpty());
            Await.until("the text reaches the leader", SOON, () -> !sms.sentTo(MAJA).isEmpty());
            awaitOutboxSent();

            assertThat(sms.sentTo(MAJA)).containsExactly("[K1] Kun en gang");
            assertThat(logs.lines()).as("the later of the two was known by its MessageSid")
                    .anyMatch(l -> l.contains("event=sms.repeat sid=" + sid));
        }
    }

    @Test
    void aSpooledTextIsSealedAndNamedByItsMessageSidOnly() throws IOException {
        relay.cut(DatabaseRelay.Outage.REFUSED);
        String sid = TwilioSms.newSid();
        assertThat(text(Webhook.SMS_FALLBACK, sid, SURVIVOR, "Hemmelig besked om mig").statusCode()).isEqualTo(200);

        assertThat(spooled()).extracting(p -> p.getFileName().toString()).containsExactly(sid);
        byte[] bytes = Files.readAllBytes(service.smsSpool().resolve(sid));
        String asText = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String clear : List.of("31415926", "Hemmelig", "besked", "From", "Body")) {
            assertThat(asText).as("the spool file holds no '" + clear + "' in clear").doesNotContain(clear);
        }
        assertThat(new String(bytes, StandardCharsets.UTF_16BE)).doesNotContain("Hemmelig");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(service.smsSpool()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(service.smsSpool().resolve(sid))))
                .isEqualTo("rw-------");

        relay.restore();
        Await.until("the spool is empty", SOON, () -> spooled().isEmpty());
        Await.until("the text reaches the leader", SOON, () -> sms.sentTo(MAJA).contains("[K1] Hemmelig besked om mig"));
    }

    private HttpResponse<String> text(Webhook webhook, String sid, String from, String body) {
        return service.twilio(webhook.path(), TwilioSms.form(sid, from, body, 0));
    }

    private List<Path> spooled() {
        try (Stream<Path> files = Files.list(service.smsSpool())) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every text the service queued has gone to Twilio: no more are on their way. */
    private void awaitOutboxSent() {
        Await.until("the outbox has sent everything", SOON, () -> service.jdbi().withHandle(h ->
                h.createQuery("SELECT count(*) FROM outbox WHERE status <> 'sent'").mapTo(Integer.class).one()) == 0);
    }
}
