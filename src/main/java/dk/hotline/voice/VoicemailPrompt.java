package dk.hotline.voice;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Record;
import dk.hotline.flows.Step;
import dk.hotline.flows.Text;
import dk.hotline.twilio.Webhook;
import java.util.List;

/** The voicemail step's TwiML: the same for every caller of a step. */
final class VoicemailPrompt {
    /** Silence that ends a voicemail recording. */
    static final int SILENCE_SECONDS = 10;

    private VoicemailPrompt() {}

    /**
     * The prompt, then a recording after the tone; its action stores and announces the message.
     * Twilio reads on past the {@code <Record>} only when nothing was recorded: then 112 and the end.
     */
    static String twiml(Step.Voicemail step, Speech speech, FallbackChain fallback) {
        var record = new Record.Builder()
                .maxLength(step.maxSeconds())
                .playBeep(true)
                .finishOnKey("#")
                // Twilio's default of 5 s of silence ends a message too soon for someone gathering themselves.
                .timeout(SILENCE_SECONDS)
                .action(Webhook.VOICEMAIL_DONE.url(step.language()))
                .recordingStatusCallback(Webhook.VOICEMAIL_RECORDED.url())
                .recordingStatusCallbackMethod(HttpMethod.POST)
                .recordingStatusCallbackEvents(List.of(Record.RecordingEvent.COMPLETED, Record.RecordingEvent.ABSENT))
                .build();
        var response = new VoiceResponse.Builder().say(speech.say(step.language(), Text.VOICEMAIL_PROMPT)).record(record);
        return fallback.end(response, step.language());
    }
}
