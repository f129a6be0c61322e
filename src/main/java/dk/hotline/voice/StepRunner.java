package dk.hotline.voice;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import dk.hotline.app.HotlineConfig;
import dk.hotline.flows.Step;
import dk.hotline.flows.VoiceFlow;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.routing.Offer;
import dk.hotline.routing.OfferDao;
import dk.hotline.routing.RouteDecision;
import dk.hotline.routing.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Turns a step of the voice flow into TwiML, acting on it (ringing leaders, queueing) as it goes. */
final class StepRunner {
    /** The "after" of a callback offer made from the menu rather than from the fallback chain. */
    static final int FROM_MENU = -1;
    /** Silence that ends a voicemail recording. */
    static final int VOICEMAIL_SILENCE_SECONDS = 10;

    private final VoiceFlow flow;
    private final Speech speech;
    private final Router router;
    private final FallbackChain fallback;
    private final HotlineConfig.Routing routing;
    private final Optional<PhoneNumber> hotlineNumber;
    private final Clock clock;

    StepRunner(VoiceFlow flow, Speech speech, Router router, FallbackChain fallback, HotlineConfig config, Clock clock) {
        this.flow = flow;
        this.speech = speech;
        this.router = router;
        this.fallback = fallback;
        this.routing = config.routing();
        this.hotlineNumber = config.hotlineNumber();
        this.clock = clock;
    }

    VoiceFlow flow() {
        return flow;
    }

    String run(Handle tx, CallContext ctx, String stepId) {
        Step step = flow.step(stepId);
        if (step instanceof Step.Menu menu) {
            return menu(menu, 1);
        } else if (step instanceof Step.Say say) {
            var response = new VoiceResponse.Builder();
            say.texts().forEach(key -> response.say(speech.say(say.language(), key)));
            say.play().forEach(url -> response.play(new Play.Builder(url).build()));
            return say.next().isPresent()
                    ? response.redirect(new Redirect.Builder(VoicePaths.step(say.next().get())).build()).build().toXml()
                    : fallback.end(response, say.language());
        } else if (step instanceof Step.Route route) {
            return route(tx, ctx, route, true);
        } else if (step instanceof Step.Queue queue) {
            return enqueue(tx, ctx, queue.id(), queue.language());
        } else if (step instanceof Step.Callback callback) {
            return callback(tx, ctx, callback.language());
        } else if (step instanceof Step.Voicemail voicemail) {
            return voicemail(voicemail);
        } else if (step instanceof Step.GroupInterest interest) {
            return groupInterest(ctx, interest);
        }
        var response = new VoiceResponse.Builder().say(speech.say(step.language(), "goodbye"));
        return fallback.end(response, step.language());
    }

    /** The interest-list question; no key (or a withheld number, which we could not text) goes on to {@code next}. */
    private String groupInterest(CallContext ctx, Step.GroupInterest step) {
        var response = new VoiceResponse.Builder();
        if (ctx.caller().isEmpty()) {
            response.say(speech.say(step.language(), "groupInterestWithheld"));
        } else {
            response.gather(new Gather.Builder().numDigits(1).timeout(6).action(VoicePaths.groupInterest(step.id()))
                    .say(speech.say(step.language(), "groupInterestOffer")).build());
        }
        return response.redirect(new Redirect.Builder(VoicePaths.step(step.next())).build()).build().toXml();
    }

    /** The menu's prompt in a {@code <Gather>}; no key leads back to the menu handler to count the try. */
    String menu(Step.Menu menu, int attempt) {
        var gather = new Gather.Builder().numDigits(1).timeout(menu.timeoutSeconds())
                .action(VoicePaths.menu(menu.id(), attempt));
        if (attempt > 1) {
            gather.say(speech.say(menu.language(), "menuRepeat"));
        }
        menu.say().forEach(key -> gather.say(speech.say(menu.language(), key)));
        return new VoiceResponse.Builder()
                .gather(gather.build())
                .redirect(new Redirect.Builder(VoicePaths.menu(menu.id(), attempt)).build())
                .build().toXml();
    }

    /**
     * Rings the next leaders, or queues the caller when all on call are busy, or hands over to the
     * fallback chain. {@code first} is false when a leader before did not take the call.
     */
    String route(Handle tx, CallContext ctx, Step.Route step, boolean first) {
        var calls = tx.attach(CallLogDao.class);
        Instant now = clock.instant();
        calls.ringing(ctx.callSid(), step.language(), now);
        Instant ringStart = calls.byId(ctx.callSid()).map(CallLogDao.CallRow::ringStartedAt).orElse(now);
        boolean timeLeft = Duration.between(ringStart, now).getSeconds() + routing.ringSeconds() <= routing.maxRingSeconds();
        RouteDecision decision = timeLeft
                ? router.route(tx, ctx.callSid(), step.language(), "inbound")
                : new RouteDecision.NoAnswer();
        if (decision instanceof RouteDecision.Ring ring) {
            int attempt = tx.attach(OfferDao.class).forCall(ctx.callSid()).size();
            var dial = new Dial.Builder().timeout(routing.ringSeconds()).action(VoicePaths.dialed(step.id(), attempt));
            hotlineNumber.ifPresent(n -> dial.callerId(n.e164()));
            for (Offer offer : ring.offers()) {
                dial.number(new Number.Builder(offer.phone().e164()).url(VoicePaths.screen(offer.id())).build());
            }
            var response = new VoiceResponse.Builder();
            if (first) {
                response.say(speech.say(step.language(), "connecting"));
            }
            return response.dial(dial.build()).build().toXml();
        }
        if (decision instanceof RouteDecision.AllBusy) {
            return enqueue(tx, ctx, step.id(), step.language());
        }
        calls.outcome(ctx.callSid(), decision instanceof RouteDecision.NobodyOnCall ? "out-of-hours" : "no-answer", now);
        return fallback.from(tx, ctx, step.language(), 0);
    }

    /**
     * The prompt, then a recording after the tone; its action stores and announces the message.
     * Twilio reads on past the {@code <Record>} only when nothing was recorded: then 112 and the end.
     */
    String voicemail(Step.Voicemail step) {
        var record = new Record.Builder()
                .maxLength(step.maxSeconds())
                .playBeep(true)
                .finishOnKey("#")
                // Twilio's default of 5 s of silence ends a message too soon for someone gathering themselves.
                .timeout(VOICEMAIL_SILENCE_SECONDS)
                .action(VoicePaths.voicemailDone(step.language()))
                .recordingStatusCallback(VoicePaths.VOICEMAIL_RECORDED)
                .recordingStatusCallbackMethod(HttpMethod.POST)
                .recordingStatusCallbackEvents(List.of(Record.RecordingEvent.COMPLETED, Record.RecordingEvent.ABSENT))
                .build();
        var response = new VoiceResponse.Builder().say(speech.say(step.language(), "voicemailPrompt")).record(record);
        return fallback.end(response, step.language());
    }

    /** Into the language's hold queue; {@code stepId} names the step whose language the queue speaks. */
    String enqueue(Handle tx, CallContext ctx, String stepId, String language) {
        tx.attach(CallLogDao.class).queued(ctx.callSid(), clock.instant());
        return new VoiceResponse.Builder()
                .enqueue(new Enqueue.Builder(VoicePaths.queueName(language))
                        .action(VoicePaths.queueLeft(stepId))
                        .waitUrl(VoicePaths.queueWait(stepId))
                        .build())
                .build().toXml();
    }

    /** Menu option "call me back": only a number we can see can be called back. */
    String callback(Handle tx, CallContext ctx, String language) {
        if (ctx.caller().isEmpty()) {
            var response = new VoiceResponse.Builder().say(speech.say(language, "callbackWithheld"));
            return fallback.end(response, language);
        }
        int after = FROM_MENU;
        return new VoiceResponse.Builder()
                .gather(new Gather.Builder().numDigits(1).timeout(6).action(VoicePaths.callbackConfirm(language, after))
                        .say(speech.say(language, "callbackOffer")).build())
                .redirect(new Redirect.Builder(VoicePaths.callbackConfirm(language, after)).build())
                .build().toXml();
    }
}
