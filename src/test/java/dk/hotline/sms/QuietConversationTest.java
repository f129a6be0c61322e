package dk.hotline.sms;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A conversation goes quiet for longer than sms.closeAfter while nobody is on call: its texts still arrive. */
class QuietConversationTest {
    @Test
    void textsWaitingForTheNextShiftAreNotClosedAwayWhenTheConversationGoesQuiet() {
        var twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        try (var service = TestService.start(twilio.baseUrl(), env -> {
            env.put("HOTLINE_SMS_CLOSE_AFTER", "PT0.001S");
            return env;
        }, Clock.systemUTC())) {
            var coordinator = new Coordinator(service);
            var sms = new TwilioSms(service, twilio);
            long maja = coordinator.leader("Maja", "+4520000021", List.of("da"));
            sms.receive("+4531415926", "Er der nogen?");
            service.runJob(RelayJob.class);
            Await.until("the auto-reply", Await.SOON, () -> sms.sentTo("+4531415926").size() == 1);

            Instant now = Instant.now();
            coordinator.shift(maja, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(2)));
            service.runJob(RelayJob.class);

            Await.until("Maja gets the text", Await.SOON, () -> sms.sentTo("+4520000021").size() == 1);
            assertThat(sms.sentTo("+4520000021")).containsExactly("[K1] Er der nogen?");
        } finally {
            twilio.stop();
        }
    }
}
