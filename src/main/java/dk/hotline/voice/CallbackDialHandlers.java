package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Number;
import dk.hotline.common.Language;
import dk.hotline.common.NotFoundException;
import dk.hotline.flows.Text;
import dk.hotline.followups.CallbackRequest;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.routing.Offers;
import dk.hotline.routing.RoutingSettings;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.Webhook;
import dk.hotline.twilio.WebhookRequest;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A leader calling someone back through the service: we ring the leader, the leader presses 1,
 * and we dial the person with the hotline's number as caller id. Neither sees the other's number.
 * The leader's side is spoken in Danish, as every leader's is.
 */
final class CallbackDialHandlers {
    /** The person called back is not expecting the call: a little longer to press 1 than a leader gets. */
    static final int SURVIVOR_SECONDS = 10;
    private final VoiceTx voice;
    private final Speech speech;
    private final CallbackRequests callbacks;
    private final Offers offers;
    private final RoutingSettings routing;
    private final Optional<PhoneNumber> hotlineNumber;

    CallbackDialHandlers(VoiceTx voice, Speech speech, CallbackRequests callbacks, Offers offers, RoutingSettings routing,
                         Optional<PhoneNumber> hotlineNumber) {
        this.voice = voice;
        this.speech = speech;
        this.callbacks = callbacks;
        this.offers = offers;
        this.routing = routing;
        this.hotlineNumber = hotlineNumber;
    }

    /** {@link Webhook#CALLBACK_LEADER}: the leader answered our call. */
    Reply leader(WebhookRequest request) {
        String leg = request.form().sid("CallSid", "CA");
        long offerId = CallQuery.offer(request);
        return voice.answer(request, leg, tx -> {
            if (!offers.byId(tx, offerId).ringing()) {
                return Prompts.hangUp(new VoiceResponse.Builder());
            }
            return Prompts.oneKeyOrHangUp(speech.say(Language.DANISH, Text.CALLBACK_SCREENING), routing.screenSeconds(),
                    Webhook.CALLBACK_LEADER_ANSWER.url(offerId));
        });
    }

    /** {@link Webhook#CALLBACK_LEADER_ANSWER}: 1 dials the person who asked. */
    Reply answer(WebhookRequest request) {
        String leg = request.form().sid("CallSid", "CA");
        long offerId = CallQuery.offer(request);
        boolean pressedOne = CallQuery.pressedOne(request);
        return voice.answer(request, leg, tx -> {
            var offer = offers.byId(tx, offerId);
            if (!pressedOne || !offers.accept(tx, offerId)) {
                offers.decline(tx, offerId);
                return Prompts.hangUp(new VoiceResponse.Builder());
            }
            var callback = request(tx, offer.callbackRequest());
            callbacks.calling(tx, callback.id());
            var dial = new Dial.Builder().timeout(routing.ringSeconds() * 2).action(Webhook.CALLBACK_LEADER_DIALED.url(offerId))
                    .number(new Number.Builder(callback.phone().e164()).url(Webhook.CALLBACK_SURVIVOR.url(offerId)).build());
            hotlineNumber.ifPresent(n -> dial.callerId(n.e164()));
            return new VoiceResponse.Builder().dial(dial.build()).build().toXml();
        });
    }

    /** {@link Webhook#CALLBACK_SURVIVOR}: the called number answered; only the person presses 1. */
    Reply survivor(WebhookRequest request) {
        String leg = request.form().sid("CallSid", "CA");
        long offerId = CallQuery.offer(request);
        return voice.answer(request, leg, tx -> {
            var callback = request(tx, offers.byId(tx, offerId).callbackRequest());
            return Prompts.oneKeyOrHangUp(speech.say(callback.language(), Text.CALLBACK_SURVIVOR_SCREENING),
                    SURVIVOR_SECONDS, Webhook.CALLBACK_SURVIVOR_ANSWER.url(offerId));
        });
    }

    /** {@link Webhook#CALLBACK_SURVIVOR_ANSWER}: 1 puts the leader through, and the request is done. */
    Reply survivorAnswer(WebhookRequest request) {
        String leg = request.form().sid("CallSid", "CA");
        long offerId = CallQuery.offer(request);
        boolean pressedOne = CallQuery.pressedOne(request);
        return voice.answer(request, leg, tx -> {
            if (!pressedOne) {
                return Prompts.hangUp(new VoiceResponse.Builder());
            }
            callbacks.done(tx, offers.byId(tx, offerId).callbackRequest(), null);
            return new VoiceResponse.Builder().build().toXml();
        });
    }

    /**
     * {@link Webhook#CALLBACK_LEADER_DIALED}: done if the person pressed 1 and talked; otherwise (no
     * answer, a voicemail) the request is open again and the leader is told.
     */
    Reply dialed(WebhookRequest request) {
        String leg = request.form().sid("CallSid", "CA");
        long offerId = CallQuery.offer(request);
        return voice.answer(request, leg, tx -> {
            long requestId = offers.byId(tx, offerId).callbackRequest();
            offers.closeCallback(tx, requestId);
            boolean talked = callbacks.byId(tx, requestId).map(r -> "done".equals(r.status())).orElse(false);
            if (talked) {
                return Prompts.hangUp(new VoiceResponse.Builder());
            }
            callbacks.reopen(tx, requestId);
            return Prompts.hangUp(new VoiceResponse.Builder().say(speech.say(Language.DANISH, Text.CALLBACK_NO_ANSWER)));
        });
    }

    private CallbackRequest request(Handle tx, long id) {
        return callbacks.byId(tx, id).orElseThrow(() -> new NotFoundException("no such callback request"));
    }
}
