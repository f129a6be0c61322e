package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestService;
import dk.hotline.twilio.Webhook;
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
            // Without the simulator, dry-run checks no signature, as the README's curl examples need.
            env.put("HOTLINE_SIMULATOR_ENABLED", "false");
            return env;
        }, Clock.systemUTC())) {
            String bearer = service.bearer();
            // Dry-run has no auth token to check signatures with, as in local development.
            var text = service.postForm(Webhook.SMS.path(), Map.of("MessageSid", "SM00000000000000000000000000000077",
                    "From", "+4520123456", "Body", "HELP"), Map.of());
            assertThat(text.statusCode()).isEqualTo(200);

            Await.until("the answer is recorded", Duration.ofSeconds(10), () -> !Json.where(
                    Json.parse(service.api("GET", "/api/dry-run", bearer, null)), m -> "sms".equals(Json.text(m, "kind"))).isEmpty());
            String shown = service.api("GET", "/api/dry-run", bearer, null).body();
            var answer = Json.withText(Json.parse(shown), "kind", "sms");
            assertThat(Json.text(answer, "to")).isEqualTo("+45 •••• ••56");
            assertThat(Json.text(answer, "content")).contains(service.text("en", "smsHelp").substring(0, 20));
            // Privacy: the texter's number in clear appears nowhere in the list.
            assertThat(shown).doesNotContain("20123456");
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
