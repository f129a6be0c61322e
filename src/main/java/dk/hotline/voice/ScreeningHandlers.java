package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import dk.hotline.app.HotlineConfig;
import dk.hotline.routing.OfferDao;
import dk.hotline.twilio.WebhookParams;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The leader's side of a ringing call: before the caller is put through, the leader hears which
 * language the caller speaks and must press 1. A voicemail or a pocket never presses 1, so it
 * never takes a call; the leg simply ends and the next leader is tried.
 */
final class ScreeningHandlers {
    private final VoiceTx voice;
    private final Speech speech;
    private final HotlineConfig.Routing routing;
    private final Clock clock;

    ScreeningHandlers(VoiceTx voice, Speech speech, HotlineConfig.Routing routing, Clock clock) {
        this.voice = voice;
        this.speech = speech;
        this.routing = routing;
        this.clock = clock;
    }

    /** {@code /twilio/voice/screen?offer=}: the leader's phone was answered. */
    void screen(Context http) {
        var leg = WebhookParams.of(http).sid("CallSid", "CA");
        long offerId = offerParam(http);
        voice.answer(http, leg, tx -> {
            var offer = offer(tx, offerId);
            String language = callerLanguage(tx, offer.callSid());
            if (!"ringing".equals(offer.state())) {
                return hangup(new VoiceResponse.Builder().say(speech.say(language, "screeningTaken")));
            }
            String spokenLanguage = speech.text(language, "da".equals(language) ? "callerLanguageDa" : "callerLanguageEn");
            return new VoiceResponse.Builder()
                    .gather(new Gather.Builder().numDigits(1).timeout(routing.screenSeconds())
                            .action(VoicePaths.screenAnswer(offerId))
                            .say(speech.say(language, "screening", Map.of("language", spokenLanguage))).build())
                    .hangup(new Hangup.Builder().build())
                    .build().toXml();
        });
    }

    /** {@code /twilio/voice/screen/answer?offer=}: 1 takes the call unless another leader was quicker. */
    void answer(Context http) {
        var params = WebhookParams.of(http);
        var leg = params.sid("CallSid", "CA");
        long offerId = offerParam(http);
        boolean pressedOne = params.optional("Digits").filter("1"::equals).isPresent();
        voice.answer(http, leg, tx -> {
            var offers = tx.attach(OfferDao.class);
            var offer = offer(tx, offerId);
            if (!pressedOne) {
                offers.closeRinging(offerId, "declined", clock.instant());
                return hangup(new VoiceResponse.Builder());
            }
            if (offers.accept(offerId, clock.instant()) == 0) {
                return hangup(new VoiceResponse.Builder().say(speech.say(callerLanguage(tx, offer.callSid()), "screeningTaken")));
            }
            offers.missOthers(offer.callSid(), offerId, clock.instant());
            tx.attach(CallLogDao.class).answered(offer.callSid(), offer.leaderId(), clock.instant());
            // An empty answer ends the screening, and Twilio bridges the leader to the caller.
            return new VoiceResponse.Builder().build().toXml();
        });
    }

    static OfferDao.OfferRow offer(Handle tx, long id) {
        return tx.attach(OfferDao.class).byId(id).orElseThrow(() -> new NotFoundResponse("no such offer"));
    }

    static long offerParam(Context http) {
        return http.queryParamAsClass("offer", Long.class).get();
    }

    static String callerLanguage(Handle tx, String callSid) {
        return tx.attach(CallLogDao.class).byId(callSid).map(CallLogDao.CallRow::language).orElse("da");
    }

    private static String hangup(VoiceResponse.Builder response) {
        return response.hangup(new Hangup.Builder().build()).build().toXml();
    }
}
