package dk.hotline.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The paths set on the hotline number in Twilio's console, spelt out here once as
 * literals: every other test takes its paths from {@link Webhook}, so renaming one of these
 * there passes every other test while Twilio goes on calling the old path. Changing one is a
 * change to the number's settings in the console, made on purpose, together with this list.
 */
class WebhookContractTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "VOICE,          /twilio/voice",
        "VOICE_FALLBACK, /twilio/voice/fallback",
        "VOICE_STATUS,   /twilio/voice/status",
        "SMS,            /twilio/sms",
        "SMS_FALLBACK,   /twilio/sms/fallback",
        "SMS_STATUS,     /twilio/sms/status",
    })
    void thePathsTwiliosConsoleIsSetToNeverMove(Webhook webhook, String path) {
        assertThat(webhook.path()).isEqualTo(path);
        assertThat(webhook.url()).as("the bare path, as the console has it").isEqualTo(path);
    }
}
