package dk.hotline.rota;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.flows.FlowLoader;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.LogCapture;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotaCheckTest {
    private static final String FIRST = "+4560000001";
    private static final String SECOND = "+4560000002";

    @Test
    void coordinatorsAreTextedOnceADayAboutTheGapsAndNotOnADayWithNone() {
        // Thursday 26 November 2026, 09:00 in Copenhagen: the check's default time.
        var clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
        var twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        try (var logs = new LogCapture(); var service = TestService.start(twilio.baseUrl(), env -> {
            env.put("HOTLINE_ROTA_CHECK_NOTIFY", FIRST + ", " + SECOND);
            // The rest of the week in one shift of six days.
            env.put("HOTLINE_LIMITS_MAX_SHIFT_HOURS", "168");
            return env;
        }, clock)) {
            var coordinator = new Coordinator(service);
            var sms = new TwilioSms(service, twilio);
            long maja = coordinator.leader("Maja", "+4520000061", List.of("da"));
            // Uncovered: Thursday night 22-08 and Saturday 14-16 (local); the rest of the week is covered.
            coordinator.shift(maja, Instant.parse("2026-11-26T07:00:00Z"), Instant.parse("2026-11-26T21:00:00Z"));
            coordinator.shift(maja, Instant.parse("2026-11-27T07:00:00Z"), Instant.parse("2026-11-28T13:00:00Z"));
            coordinator.shift(maja, Instant.parse("2026-11-28T15:00:00Z"), Instant.parse("2026-12-05T00:00:00Z"));

            service.runJob(RotaCheckJob.class);
            Await.until("the first check has run", Await.SOON, () -> checks(logs) == 1);
            service.runJob(RotaCheckJob.class);
            Await.until("the second check has run", Await.SOON, () -> checks(logs) == 2);
            Await.until("both are texted", Await.SOON, () -> sms.sentTo(FIRST).size() == 1 && sms.sentTo(SECOND).size() == 1);

            String expected = "Vagtplan: 2 tidsrum uden vagt de næste 7 dage: tor 26/11 22.00-08.00, lør 28/11 14.00-16.00. "
                    + "Se /api/rota/gaps.";
            assertThat(sms.sentTo(FIRST)).containsExactly(expected);
            assertThat(sms.sentTo(SECOND)).containsExactly(expected);
            assertThat(rotaTexts(service)).as("one per coordinator, the double fire sent nothing more").isEqualTo(2);

            // The next morning the night and Saturday are covered too.
            coordinator.shift(maja, Instant.parse("2026-11-26T21:00:00Z"), Instant.parse("2026-11-27T07:00:00Z"));
            coordinator.shift(maja, Instant.parse("2026-11-28T13:00:00Z"), Instant.parse("2026-11-28T15:00:00Z"));
            clock.advance(Duration.ofDays(1));
            service.runJob(RotaCheckJob.class);
            Await.until("the third check has run", Await.SOON, () -> checks(logs) == 3);

            assertThat(rotaTexts(service)).as("a covered week is not texted about").isEqualTo(2);
            assertThat(logs.lines()).anyMatch(l -> l.contains("event=rota.gap_check gaps=0 coordinators=2 queued=0"));
            assertThat(logs.lines()).as("no coordinator's number in the log").noneMatch(l -> l.contains("60000001"));
        } finally {
            twilio.stop();
        }
    }

    @Test
    void withNobodyToTellTheCheckOnlyCountsTheGaps() {
        var clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
        var key = EncryptionKey.generate();
        try (var db = new MigratedDatabase(); var logs = new LogCapture()) {
            var check = new RotaCheck(db.jdbi(), new Rota(db.jdbi()), new Outbox(new PersonalDataCipher(key), new BlindIndex(key), clock),
                    FlowLoader.load(Path.of("flows")).texts(), List.of(), ZoneId.of("Europe/Copenhagen"), clock);

            assertThat(check.run()).isZero();

            int queued = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox").mapTo(Integer.class).one());
            assertThat(queued).isZero();
            assertThat(logs.lines()).anyMatch(l -> l.contains("event=rota.gap_check gaps=1 coordinators=0 queued=0"));
        }
    }

    private static long checks(LogCapture logs) {
        return logs.lines().stream().filter(l -> l.contains("event=rota.gap_check")).count();
    }

    private static int rotaTexts(TestService service) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE dedupe_key LIKE 'rota-gaps:%'")
                .mapTo(Integer.class).one());
    }
}
