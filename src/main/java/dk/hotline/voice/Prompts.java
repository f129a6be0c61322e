package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;

/** TwiML shapes the call handlers share. */
final class Prompts {
    private Prompts() {}

    /**
     * Says {@code prompt} and waits {@code seconds} for one key, which goes to {@code action}; no key
     * ends the leg. What a leader's (or a called-back person's) phone hears: a voicemail never
     * presses a key, so it never takes a call.
     */
    static String oneKeyOrHangUp(Say prompt, int seconds, String action) {
        return hangUp(new VoiceResponse.Builder()
                .gather(new Gather.Builder().numDigits(1).timeout(seconds).action(action).say(prompt).build()));
    }

    /** What {@code response} says so far, then the end of the leg. */
    static String hangUp(VoiceResponse.Builder response) {
        return response.hangup(new Hangup.Builder().build()).build().toXml();
    }
}
