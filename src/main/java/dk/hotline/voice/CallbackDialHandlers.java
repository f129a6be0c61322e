package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import dk.hotline.app.HotlineConfig;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.routing.OfferDao;
import dk.hotline.twilio.WebhookParams;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.Optional;

/**
 * A leader calling someone back through the service: we ring the leader, the leader presses 1,
 * and we dial the person with the hotline's number as caller id. Neither sees the other's number.
 */
final class CallbackDialHandlers {
    private final VoiceTx voice;
    private final Speech speech;
    private final CallbackRequests callbacks;
    private final HotlineConfig.Routing routing;
    private final Optional<PhoneNumber> hotlineNumber;
    private final Clock clock;

    CallbackDialHandlers(VoiceTx voice, Speech speech, CallbackRequests callbacks, HotlineConfig config, Clock clock) {
        this.voice = voice;
        this.speech = speech;
        this.callbacks = callbacks;
        this.routing = config.routing();
        this.hotlineNumber = config.hotlineNumber();
        this.clock = clock;
    }

    /** {@code /twilio/voice/callback/leader?offer=}: the leader answered our call. */
    void leader(Context http) {
        String leg = WebhookParams.of(http).sid("CallSid", "CA");
        long offerId = ScreeningHandlers.offerParam(http);
        voice.answer(http, leg, tx -> {
            var offer = ScreeningHandlers.offer(tx, offerId);
            if (!"ringing".equals(offer.state())) {
                return new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build().toXml();
            }
            return new VoiceResponse.Builder()
                    .gather(new Gather.Builder().numDigits(1).timeout(routing.screenSeconds())
                            .action(VoicePaths.callbackLeaderAnswer(offerId))
                            .say(speech.say("da", "callbackScreening")).build())
                    .hangup(new Hangup.Builder().build())
                    .build().toXml();
        });
    }

    /** {@code /twilio/voice/callback/leader/answer?offer=}: 1 dials the person who asked. */
    void answer(Context http) {
        var params = WebhookParams.of(http);
        String leg = params.sid("CallSid", "CA");
        long offerId = ScreeningHandlers.offerParam(http);
        boolean pressedOne = params.optional("Digits").filter("1"::equals).isPresent();
        voice.answer(http, leg, tx -> {
            var offers = tx.attach(OfferDao.class);
            var offer = ScreeningHandlers.offer(tx, offerId);
            if (!pressedOne || offers.accept(offerId, clock.instant()) == 0) {
                offers.closeRinging(offerId, "declined", clock.instant());
                return new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build().toXml();
            }
            long requestId = CallbackCalls.requestId(offer.callSid());
            var request = callbacks.byId(tx, requestId).orElseThrow(() -> new NotFoundResponse("no such callback request"));
            callbacks.calling(tx, requestId);
            var dial = new Dial.Builder().timeout(routing.ringSeconds() * 2).action(VoicePaths.callbackLeaderDialed(offerId))
                    .number(new Number.Builder(request.phone().e164()).url(VoicePaths.callbackSurvivor(offerId)).build());
            hotlineNumber.ifPresent(n -> dial.callerId(n.e164()));
            return new VoiceResponse.Builder().dial(dial.build()).build().toXml();
        });
    }

    /** {@code /twilio/voice/callback/survivor?offer=}: the called number answered; only the person presses 1. */
    void survivor(Context http) {
        String leg = WebhookParams.of(http).sid("CallSid", "CA");
        long offerId = ScreeningHandlers.offerParam(http);
        voice.answer(http, leg, tx -> {
            var offer = ScreeningHandlers.offer(tx, offerId);
            var request = callbacks.byId(tx, CallbackCalls.requestId(offer.callSid()))
                    .orElseThrow(() -> new NotFoundResponse("no such callback request"));
            return new VoiceResponse.Builder()
                    .gather(new Gather.Builder().numDigits(1).timeout(10).action(VoicePaths.callbackSurvivorAnswer(offerId))
                            .say(speech.say(request.language(), "callbackSurvivorScreening")).build())
                    .hangup(new Hangup.Builder().build())
                    .build().toXml();
        });
    }

    /** {@code /twilio/voice/callback/survivor/answer?offer=}: 1 puts the leader through, and the request is done. */
    void survivorAnswer(Context http) {
        var params = WebhookParams.of(http);
        String leg = params.sid("CallSid", "CA");
        long offerId = ScreeningHandlers.offerParam(http);
        boolean pressedOne = params.optional("Digits").filter("1"::equals).isPresent();
        voice.answer(http, leg, tx -> {
            if (!pressedOne) {
                return new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build().toXml();
            }
            var offer = ScreeningHandlers.offer(tx, offerId);
            callbacks.done(tx, CallbackCalls.requestId(offer.callSid()), null);
            return new VoiceResponse.Builder().build().toXml();
        });
    }

    /**
     * {@code /twilio/voice/callback/leader/dialed?offer=}: done if the person pressed 1 and talked;
     * otherwise (no answer, a voicemail) the request is open again and the leader is told.
     */
    void dialed(Context http) {
        String leg = WebhookParams.of(http).sid("CallSid", "CA");
        long offerId = ScreeningHandlers.offerParam(http);
        voice.answer(http, leg, tx -> {
            var offer = ScreeningHandlers.offer(tx, offerId);
            long requestId = CallbackCalls.requestId(offer.callSid());
            tx.attach(OfferDao.class).closeAll(offer.callSid(), clock.instant());
            boolean talked = callbacks.byId(tx, requestId).map(r -> "done".equals(r.status())).orElse(false);
            if (talked) {
                return new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build().toXml();
            }
            callbacks.reopen(tx, requestId);
            return new VoiceResponse.Builder().say(speech.say("da", "callbackNoAnswer")).hangup(new Hangup.Builder().build())
                    .build().toXml();
        });
    }
}
