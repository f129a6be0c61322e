package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.routing.Offers;
import dk.hotline.routing.RoutingSettings;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.Webhook;
import dk.hotline.twilio.WebhookRequest;
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
    private final Offers offers;
    private final RoutingSettings routing;
    private final Clock clock;

    ScreeningHandlers(VoiceTx voice, Speech speech, Offers offers, RoutingSettings routing, Clock clock) {
        this.voice = voice;
        this.speech = speech;
        this.offers = offers;
        this.routing = routing;
        this.clock = clock;
    }

    /** {@link Webhook#SCREEN}: the leader's phone was answered. */
    Reply screen(WebhookRequest request) {
        var leg = request.form().sid("CallSid", "CA");
        long offerId = CallQuery.offer(request);
        return voice.answer(request, leg, tx -> {
            var offer = offers.byId(tx, offerId);
            Language language = callerLanguage(tx, offer.call());
            if (!offer.ringing()) {
                return Prompts.hangUp(new VoiceResponse.Builder().say(speech.say(language, Text.SCREENING_TAKEN)));
            }
            String spokenLanguage = speech.text(language,
                    language == Language.DANISH ? Text.CALLER_LANGUAGE_DA : Text.CALLER_LANGUAGE_EN);
            return Prompts.oneKeyOrHangUp(speech.say(language, Text.SCREENING, Map.of("language", spokenLanguage)),
                    routing.screenSeconds(), Webhook.SCREEN_ANSWER.url(offerId));
        });
    }

    /** {@link Webhook#SCREEN_ANSWER}: 1 takes the call unless another leader was quicker. */
    Reply answer(WebhookRequest request) {
        var leg = request.form().sid("CallSid", "CA");
        long offerId = CallQuery.offer(request);
        boolean pressedOne = CallQuery.pressedOne(request);
        return voice.answer(request, leg, tx -> {
            var offer = offers.byId(tx, offerId);
            if (!pressedOne) {
                offers.decline(tx, offerId);
                return Prompts.hangUp(new VoiceResponse.Builder());
            }
            if (!offers.accept(tx, offerId)) {
                return Prompts.hangUp(new VoiceResponse.Builder().say(speech.say(callerLanguage(tx, offer.call()), Text.SCREENING_TAKEN)));
            }
            offers.missOthers(tx, offer);
            tx.attach(CallLogDao.class).answered(offer.call(), offer.leaderId(), clock.instant());
            // An empty answer ends the screening, and Twilio bridges the leader to the caller.
            return new VoiceResponse.Builder().build().toXml();
        });
    }

    private static Language callerLanguage(Handle tx, String callSid) {
        return tx.attach(CallLogDao.class).byId(callSid).map(CallLogDao.CallRow::language).map(Language::of)
                .orElse(Language.DANISH);
    }
}
