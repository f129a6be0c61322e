package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.TestService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DryRunApiTest {
    @Test
    void withoutTwilioCredentialsWhatWouldHaveBeenSentIsShownMasked() {
        try (var service = TestService.start("http://127.0.0.1:9", env -> {
            env.remove("TWILIO_ACCOUNT_SID");
            env.remove("TWILIO_AUTH_TOKEN");
            return env;
        }, Clock.systemUTC())) {
            String bearer = service.bearer();
            // Dry-run has no auth token to check signatures with, as in local development.
            var text = service.postForm("/twilio/sms", Map.of("MessageSid", "SM00000000000000000000000000000077",
                    "From", "+4520123456", "Body", "HELP"), Map.of());
            assertThat(text.statusCode()).isEqualTo(200);

            Await.until("the answer is recorded", Duration.ofSeconds(10),
                    () -> service.api("GET", "/api/dry-run", bearer, null).body().contains("\"kind\":\"sms\""));
            String shown = service.api("GET", "/api/dry-run", bearer, null).body();
            assertThat(shown).contains("+45 •••• ••56").contains(service.text("en", "smsHelp").substring(0, 20))
                    .doesNotContain("20123456");
            assertThat(service.api("GET", "/api/dry-run", null, null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void withTwilioCredentialsThereIsNoDryRunList() {
        try (var service = TestService.start("http://127.0.0.1:9")) {
            assertThat(service.api("GET", "/api/dry-run", service.bearer(), null).statusCode()).isEqualTo(404);
        }
    }
}
