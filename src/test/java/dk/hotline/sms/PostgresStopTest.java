package dk.hotline.sms;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.db.LocalDatabase;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.LogCapture;
import dk.hotline.testing.PrivatePostgres;
import dk.hotline.testing.TestService;
import dk.hotline.testing.Twiml;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import dk.hotline.twilio.Webhook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outage of {@link SmsOutageTest} with a real PostgreSQL server stopped under the running
 * service ({@code pg_ctl stop -m immediate}, as a crash) and started again: the service is not
 * restarted, its pool finds the server again on its own, and nothing a caller or texter sent in
 * between is lost or doubled.
 */
class PostgresStopTest {
    private static final String SURVIVOR = "+4531415927";
    private static final String MAJA = "+4520000012";
    private static final Duration SOON = Await.SOON;

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private PrivatePostgres postgres;
    private TestService service;
    private TwilioSms sms;
    private String bearer;

    @BeforeEach
    void start() {
        postgres = PrivatePostgres.start();
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        TwilioStubs.callCreated(twilio);
        service = TestService.start(twilio.baseUrl(), env -> {
            env.put("DATABASE_URL", postgres.databaseUrl());
            return env;
        }, Clock.systemUTC());
        sms = new TwilioSms(service, twilio);
        new Coordinator(service).onCallNow("Maja", MAJA, List.of("da"));
        bearer = service.bearer();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        twilio.stop();
        postgres.close();
    }

    @Test
    void callsAndTextsDuringAStoppedServerAreAnsweredAndTheTextReachesTheLeaderOnceItIsBack() {
        String before = TwilioSms.newSid();
        service.twilio(Webhook.SMS.path(), TwilioSms.form(before, SURVIVOR, "Hej, før nedbruddet", 0));
        Await.until("the first text reaches Maja", SOON, () -> sms.sentTo(MAJA).contains("[K1] Hej, før nedbruddet"));

        try (var logs = new LogCapture()) {
            postgres.crash();

            long started = System.nanoTime();
            var call = service.twilio(Webhook.VOICE.path(), TestService.incomingCall("CA" + "0".repeat(31) + "9", SURVIVOR));
            assertThat(call.statusCode()).as("an error, so Twilio asks the voice fallback URL").isGreaterThanOrEqualTo(500);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("before the caller gives up").isLessThan(Duration.ofSeconds(3));
            var fallback = service.twilio(Webhook.VOICE_FALLBACK.path(), TestService.incomingCall("CA" + "0".repeat(31) + "9", SURVIVOR));
            assertThat(fallback.statusCode()).isEqualTo(200);
            assertThat(Twiml.parse(fallback.body()).count("/Response/Say")).isPositive();

            String during = TwilioSms.newSid();
            started = System.nanoTime();
            var text = service.twilio(Webhook.SMS.path(), TwilioSms.form(during, SURVIVOR, "Er du der stadig?", 0));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(text.statusCode()).as(text.body()).isEqualTo(200);
            assertThat(Twiml.parse(text.body()).text("/Response/Message")).isEqualTo(service.text("da", "smsReceived"));

            assertThat(service.get("/health").statusCode()).isEqualTo(503);
            var api = service.api("GET", "/api/leaders", bearer, null);
            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).isPresent();

            postgres.startAgain();

            Await.until("/health is 200 again, from the same service", SOON, () -> service.get("/health").statusCode() == 200);
            Await.until("the text sent during the outage reaches Maja", SOON,
                    () -> sms.sentTo(MAJA).contains("[K1] Er du der stadig?"));
            Await.until("the spool is empty", SOON, () -> spooled() == 0);
            Await.until("the outbox has sent everything", SOON, () -> unsent() == 0);
            assertThat(sms.sentTo(MAJA)).as("each text relayed once").containsExactly("[K1] Hej, før nedbruddet", "[K1] Er du der stadig?");
            assertThat(logs.lines()).anyMatch(l -> l.contains("event=sms.spooled sid=" + during))
                    .anyMatch(l -> l.contains("event=sms.replayed sid=" + during))
                    .noneMatch(l -> l.contains("31415927") || l.contains("stadig"));
        }
        assertThat(service.api("GET", "/api/leaders", bearer, null).statusCode()).as("the API answers again").isEqualTo(200);
    }

    private long spooled() {
        try (var files = Files.list(service.smsSpool())) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int unsent() {
        return Jdbi.create(() -> LocalDatabase.connect(postgres.url())).withHandle(h ->
                h.createQuery("SELECT count(*) FROM outbox WHERE status <> 'sent'").mapTo(Integer.class).one());
    }
}
