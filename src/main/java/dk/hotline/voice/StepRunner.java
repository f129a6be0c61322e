package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Redirect;
import dk.hotline.common.Language;
import dk.hotline.flows.Step;
import dk.hotline.flows.Text;
import dk.hotline.flows.VoiceFlow;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.routing.OfferKind;
import dk.hotline.routing.RouteDecision;
import dk.hotline.routing.Router;
import dk.hotline.routing.RoutingSettings;
import dk.hotline.twilio.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/** Turns a step of the voice flow into TwiML, acting on it (ringing leaders, queueing) as it goes. */
final class StepRunner {
    /** The "after" of a callback offer made from the menu rather than from the fallback chain. */
    static final int FROM_MENU = -1;

    private final VoiceFlow flow;
    private final Speech speech;
    private final Router router;
    private final FallbackChain fallback;
    private final RoutingSettings routing;
    private final Clock clock;
    /**
     * The TwiML of the steps that are the same for every caller (say, menu, voicemail), made once: the SDK's
     * XML writer was a tenth of a webhook's CPU. The flow is read at start-up and never changes.
     */
    private final Map<String, String> spoken = new ConcurrentHashMap<>();
    private final RingTwiml ringing;

    StepRunner(VoiceFlow flow, Speech speech, Router router, FallbackChain fallback, RoutingSettings routing,
               Optional<PhoneNumber> hotlineNumber, Clock clock) {
        this.flow = flow;
        this.speech = speech;
        this.router = router;
        this.fallback = fallback;
        this.routing = routing;
        this.clock = clock;
        this.ringing = new RingTwiml(speech, routing.ringSeconds(), hotlineNumber);
    }

    VoiceFlow flow() {
        return flow;
    }

    /**
     * Whether running the step writes anything (it rings leaders or queues the caller). Every other
     * step only speaks or asks, the same each time, so a retry of it needs no stored answer.
     */
    boolean changesState(String stepId) {
        Step step = flow.step(stepId);
        return step instanceof Step.Route || step instanceof Step.Queue;
    }

    String run(Handle tx, CallContext ctx, String stepId) {
        Step step = flow.step(stepId);
        if (step instanceof Step.Route route) {
            return route(tx, ctx, route, true, Optional.empty());
        } else if (step instanceof Step.Queue queue) {
            return enqueue(tx, ctx, queue.id(), queue.language());
        }
        return speak(ctx, stepId);
    }

    /** A step that does not {@link #changesState change state}: it only speaks or asks, and needs no transaction. */
    String speak(CallContext ctx, String stepId) {
        Step step = flow.step(stepId);
        if (step instanceof Step.Menu menu) {
            return menu(menu, 1);
        } else if (step instanceof Step.Say say) {
            return spoken.computeIfAbsent("say " + say.id(), key -> say(say));
        } else if (step instanceof Step.Callback callback) {
            return callback(ctx, callback.language());
        } else if (step instanceof Step.Voicemail voicemail) {
            return spoken.computeIfAbsent("voicemail " + voicemail.id(), key -> VoicemailPrompt.twiml(voicemail, speech, fallback));
        } else if (step instanceof Step.GroupInterest interest) {
            return groupInterest(ctx, interest);
        } else if (changesState(stepId)) {
            throw new IllegalArgumentException("step " + stepId + " changes state: run it in a transaction");
        }
        var response = new VoiceResponse.Builder().say(speech.say(step.language(), Text.GOODBYE));
        return fallback.end(response, step.language());
    }

    /** The interest-list question; no key (or a withheld number, which we could not text) goes on to {@code next}. */
    private String groupInterest(CallContext ctx, Step.GroupInterest step) {
        var response = new VoiceResponse.Builder();
        if (ctx.caller().isEmpty()) {
            response.say(speech.say(step.language(), Text.GROUP_INTEREST_WITHHELD));
        } else {
            response.gather(new Gather.Builder().numDigits(1).timeout(6).action(Webhook.GROUP_INTEREST.url(step.id()))
                    .say(speech.say(step.language(), Text.GROUP_INTEREST_OFFER)).build());
        }
        return response.redirect(new Redirect.Builder(Webhook.STEP.url(step.next())).build()).build().toXml();
    }

    private String say(Step.Say say) {
        var response = new VoiceResponse.Builder();
        say.texts().forEach(key -> response.say(speech.sayStep(say.language(), key)));
        say.play().forEach(url -> response.play(new Play.Builder(url).build()));
        return say.next().isPresent()
                ? response.redirect(new Redirect.Builder(Webhook.STEP.url(say.next().get())).build()).build().toXml()
                : fallback.end(response, say.language());
    }

    /** The menu's prompt in a {@code <Gather>}; no key leads back to the menu handler to count the try. */
    String menu(Step.Menu menu, int attempt) {
        return spoken.computeIfAbsent("menu " + menu.id() + " " + attempt, key -> menuTwiml(menu, attempt));
    }

    private String menuTwiml(Step.Menu menu, int attempt) {
        var gather = new Gather.Builder().numDigits(1).timeout(menu.timeoutSeconds())
                .action(Webhook.MENU.url(menu.id(), attempt));
        if (attempt > 1) {
            gather.say(speech.say(menu.language(), Text.MENU_REPEAT));
        }
        menu.say().forEach(key -> gather.say(speech.sayStep(menu.language(), key)));
        return new VoiceResponse.Builder()
                .gather(gather.build())
                .redirect(new Redirect.Builder(Webhook.MENU.url(menu.id(), attempt)).build())
                .build().toXml();
    }

    /**
     * Rings the next leaders, or queues the caller when all on call are busy, or hands over to the
     * fallback chain. {@code first} is false when a leader before did not take the call; {@code choice} is the menu key that led here.
     */
    String route(Handle tx, CallContext ctx, Step.Route step, boolean first, Optional<String> choice) {
        Instant now = clock.instant();
        Instant ringStart = CallSteps.ringing(tx, ctx.callSid(), choice, step.language().code(), now);
        boolean timeLeft = Duration.between(ringStart, now).getSeconds() + routing.ringSeconds() <= routing.maxRingSeconds();
        RouteDecision decision = timeLeft
                ? router.route(tx, ctx.callSid(), step.language(), OfferKind.INBOUND)
                : new RouteDecision.NoAnswer();
        if (decision instanceof RouteDecision.Ring ring) {
            // The attempt's first offer id tells this attempt's end from every other one of the call's.
            long attempt = ring.offers().get(0).id();
            return ringing.ring(step.language(), first, Webhook.DIALED.url(step.id(), attempt), ring.offers());
        }
        if (decision instanceof RouteDecision.AllBusy) {
            return enqueue(tx, ctx, step.id(), step.language());
        }
        tx.attach(CallLogDao.class).outcome(ctx.callSid(), decision instanceof RouteDecision.NobodyOnCall ? CallOutcome.OUT_OF_HOURS : CallOutcome.NO_ANSWER, now);
        return fallback.from(tx, ctx, step.language(), 0);
    }

    /** Into the language's hold queue; {@code stepId} names the step whose language the queue speaks. */
    String enqueue(Handle tx, CallContext ctx, String stepId, Language language) {
        tx.attach(CallLogDao.class).queued(ctx.callSid(), clock.instant());
        return new VoiceResponse.Builder()
                .enqueue(new Enqueue.Builder(QueueHandlers.queueName(language))
                        .action(Webhook.QUEUE_LEFT.url(stepId))
                        .waitUrl(Webhook.QUEUE_WAIT.url(stepId))
                        .build())
                .build().toXml();
    }

    /** Menu option "call me back": only a number we can see can be called back. */
    String callback(CallContext ctx, Language language) {
        if (ctx.caller().isEmpty()) {
            var response = new VoiceResponse.Builder().say(speech.say(language, Text.CALLBACK_WITHHELD));
            return fallback.end(response, language);
        }
        int after = FROM_MENU;
        return new VoiceResponse.Builder()
                .gather(new Gather.Builder().numDigits(1).timeout(6).action(Webhook.CALLBACK_CONFIRM.url(language, after))
                        .say(speech.say(language, Text.CALLBACK_OFFER)).build())
                .redirect(new Redirect.Builder(Webhook.CALLBACK_CONFIRM.url(language, after)).build())
                .build().toXml();
    }
}
