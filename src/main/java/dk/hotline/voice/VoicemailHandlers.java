package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.Webhook;
import dk.hotline.twilio.WebhookRequest;
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
     * {@link Webhook#VOICEMAIL_DONE}: the recording ended (#, silence, maxLength or a hang-up). A
     * message is stored and announced once; the caller hears thanks and 112.
     */
    Reply done(WebhookRequest request) {
        var params = request.form();
        String callSid = params.sid("CallSid", "CA");
        Language language = CallQuery.language(request);
        String recordingSid = params.sid("RecordingSid", "RE");
        int seconds = params.integer("RecordingDuration").orElse(0);
        return voice.answer(request, callSid, tx -> {
            if (voicemails.store(tx, callSid, recordingSid, seconds, language).isEmpty()) {
                return fallback.end(new VoiceResponse.Builder().say(speech.say(language, Text.GOODBYE)), language);
            }
            tx.attach(CallLogDao.class).outcome(callSid, CallOutcome.VOICEMAIL, clock.instant());
            return fallback.end(new VoiceResponse.Builder().say(speech.say(language, Text.VOICEMAIL_THANKS)), language);
        });
    }

    /** {@link Webhook#VOICEMAIL_RECORDED}: the recording file is ready (or absent, or failed). */
    Reply recorded(WebhookRequest request) {
        var params = request.form();
        String callSid = params.sid("CallSid", "CA");
        String recordingSid = params.sid("RecordingSid", "RE");
        String status = params.required("RecordingStatus").toLowerCase(Locale.ROOT);
        boolean kept = jdbi.inTransaction(tx -> voicemails.recordingStatus(tx, callSid, recordingSid, status));
        log.info("event=voicemail.recording call={} recording={} status={} error_code={}", callSid, recordingSid,
                kept ? status : "ignored", params.optional("ErrorCode").filter(c -> c.matches("\\d{1,6}")).orElse("-"));
        return Reply.DONE;
    }
}
