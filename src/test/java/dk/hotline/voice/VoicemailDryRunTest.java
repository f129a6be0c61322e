package dk.hotline.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Json;
import dk.hotline.testing.TestService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dk.hotline.twilio.Webhook;

/** Without Twilio credentials there is no recording to fetch: the audio answer says so. */
class VoicemailDryRunTest {
    private static final String CALL = "CA" + "00000000000000000000000000000abc";

    @Test
    void audioInDryRunIs404WithAClearReason(@TempDir Path flows) throws Exception {
        Path dir = VoicemailTest.flowsWithVoicemail(flows);
        try (var service = TestService.start("http://127.0.0.1:9", env -> {
            env.remove("TWILIO_ACCOUNT_SID");
            env.remove("TWILIO_AUTH_TOKEN");
            // Without the simulator, dry-run checks no signature, as the README's curl examples need.
            env.put("HOTLINE_SIMULATOR_ENABLED", "false");
            env.put("HOTLINE_FLOWS", dir.toString());
            return env;
        }, Clock.systemUTC())) {
            var form = new LinkedHashMap<>(TestService.incomingCall(CALL, "+4529876543"));
            form.put("RecordingSid", "RE" + "0123456789abcdef0123456789abcdef");
            form.put("RecordingDuration", "15");
            assertThat(service.postForm(Webhook.VOICE.path(), form, Map.of()).statusCode()).isEqualTo(200);
            assertThat(service.postForm(Webhook.VOICEMAIL_DONE.url("da"), form, Map.of()).statusCode()).isEqualTo(200);
            String bearer = service.bearer();
            long id = Json.number(Json.withText(Json.parse(service.api("GET", "/api/voicemails", bearer, null)), "callSid", CALL), "id");

            var audio = service.api("GET", "/api/voicemails/" + id + "/audio", bearer, null);

            assertThat(audio.statusCode()).isEqualTo(404);
            assertThat(Json.text(Json.parse(audio), "error")).contains("dry-run");
        }
    }
}
