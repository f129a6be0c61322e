package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import dk.hotline.twilio.WebhookParams;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The voicemail step's two callbacks: the {@code <Record>} action, and the recording's status. */
final class VoicemailHandlers {
    private static final Logger log = LoggerFactory.getLogger(VoicemailHandlers.class);

    private final VoiceTx voice;
    private final Speech speech;
    private final FallbackChain fallback;
    private final Voicemails voicemails;
    private final Jdbi jdbi;
    private final Clock clock;

    VoicemailHandlers(VoiceTx voice, Speech speech, FallbackChain fallback, Voicemails voicemails, Jdbi jdbi, Clock clock) {
        this.voice = voice;
        this.speech = speech;
        this.fallback = fallback;
        this.voicemails = voicemails;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * {@code /twilio/voice/voicemail/done?lang=}: the recording ended (#, silence, maxLength or a
     * hang-up). A message is stored and announced once; the caller hears thanks and 112.
     */
    void done(Context http) {
        var params = WebhookParams.of(http);
        String callSid = params.sid("CallSid", "CA");
        String language = FallbackHandlers.language(http);
        String recordingSid = params.sid("RecordingSid", "RE");
        int seconds = params.integer("RecordingDuration").orElse(0);
        voice.answer(http, callSid, tx -> {
            if (voicemails.store(tx, callSid, recordingSid, seconds, language).isEmpty()) {
                return fallback.end(new VoiceResponse.Builder().say(speech.say(language, "goodbye")), language);
            }
            tx.attach(CallLogDao.class).outcome(callSid, "voicemail", clock.instant());
            return fallback.end(new VoiceResponse.Builder().say(speech.say(language, "voicemailThanks")), language);
        });
    }

    /** {@code /twilio/voice/voicemail/recorded}: the recording file is ready (or absent, or failed). */
    void recorded(Context http) {
        var params = WebhookParams.of(http);
        String callSid = params.sid("CallSid", "CA");
        String recordingSid = params.sid("RecordingSid", "RE");
        String status = params.required("RecordingStatus").toLowerCase(Locale.ROOT);
        boolean kept = jdbi.inTransaction(tx -> voicemails.recordingStatus(tx, callSid, recordingSid, status));
        log.info("event=voicemail.recording call={} recording={} status={} error_code={}", callSid, recordingSid,
                kept ? status : "ignored", params.optional("ErrorCode").filter(c -> c.matches("\\d{1,6}")).orElse("-"));
        http.status(204);
    }
}
