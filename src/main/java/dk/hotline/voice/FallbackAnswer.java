package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.Webhook;
import java.util.Optional;

/**
 * What a caller hears when the service itself cannot run the flow: the backup number if one is
 * configured, otherwise when to call again; and in every case 112. Rendered once at startup,
 * because Twilio's fallback URL must answer even when the database is down.
 */
final class FallbackAnswer {
    static final int BACKUP_RING_SECONDS = 30;
    static final int BACKUP_SCREEN_SECONDS = 8;

    private final String xml;
    private final String screening;
    private final String screened;

    FallbackAnswer(Speech speech, Optional<PhoneNumber> backup, Optional<PhoneNumber> hotlineNumber) {
        Language lang = Language.DANISH;
        var response = new VoiceResponse.Builder().say(speech.say(lang, Text.GREETING));
        if (backup.isPresent()) {
            var dial = new Dial.Builder().timeout(BACKUP_RING_SECONDS)
                    .number(new Number.Builder(backup.get().e164()).url(Webhook.BACKUP_SCREEN.url()).build());
            hotlineNumber.ifPresent(n -> dial.callerId(n.e164()));
            response.say(speech.say(lang, Text.CONNECTING)).dial(dial.build());
        } else {
            response.say(speech.say(lang, Text.CLOSED));
        }
        // Reached when the backup does not answer too: the call never ends in silence.
        this.xml = response.say(speech.say(lang, Text.EMERGENCY)).hangup(new Hangup.Builder().build()).build().toXml();
        // The backup phone is screened like a leader's: its voicemail must never take the call.
        this.screening = Prompts.oneKeyOrHangUp(speech.say(lang, Text.BACKUP_SCREENING), BACKUP_SCREEN_SECONDS,
                Webhook.BACKUP_SCREEN_ANSWER.url());
        this.screened = new VoiceResponse.Builder().build().toXml();
    }

    String xml() {
        return xml;
    }

    /** What the backup phone hears when it answers: press 1 to take the call. */
    String screening() {
        return screening;
    }

    /** 1 bridges (an empty answer); anything else ends the backup's leg. */
    String screened(String digits) {
        return "1".equals(digits) ? screened : Prompts.hangUp(new VoiceResponse.Builder());
    }
}
