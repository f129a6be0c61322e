package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import dk.hotline.flows.Texts;
import dk.hotline.privacy.PhoneNumber;
import java.util.Optional;

/**
 * What a caller hears when nobody in the service can take the call: the backup number if one is
 * configured, otherwise when to call again; and in every case 112. Rendered once at startup,
 * because Twilio's fallback URL must answer even when the database is down.
 */
final class FallbackAnswer {
    static final int BACKUP_RING_SECONDS = 30;

    private final String xml;

    FallbackAnswer(Speech speech, Optional<PhoneNumber> backup, Optional<PhoneNumber> hotlineNumber) {
        String lang = Texts.DANISH;
        var response = new VoiceResponse.Builder().say(speech.say(lang, "greeting"));
        if (backup.isPresent()) {
            var dial = new Dial.Builder().timeout(BACKUP_RING_SECONDS)
                    .number(new Number.Builder(backup.get().e164()).build());
            hotlineNumber.ifPresent(n -> dial.callerId(n.e164()));
            response.say(speech.say(lang, "connecting")).dial(dial.build());
        } else {
            response.say(speech.say(lang, "closed"));
        }
        // Reached when the backup does not answer too: the call never ends in silence.
        this.xml = response.say(speech.say(lang, "emergency")).hangup(new Hangup.Builder().build()).build().toXml();
    }

    String xml() {
        return xml;
    }
}
