package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Redirect;
import dk.hotline.flows.Step;
import dk.hotline.groups.GroupInterest;
import dk.hotline.routing.OfferDao;
import dk.hotline.twilio.WebhookParams;
import dk.hotline.web.InvalidInputException;
import io.javalin.http.Context;
import java.time.Clock;

/** The caller's way through the flow: a step by redirect, a menu key, the end of a ring attempt. */
final class CallFlowHandlers {
    private final VoiceTx voice;
    private final StepRunner steps;
    private final Speech speech;
    private final FallbackChain fallback;
    private final GroupInterest interest;
    private final Clock clock;

    CallFlowHandlers(VoiceTx voice, StepRunner steps, Speech speech, FallbackChain fallback, GroupInterest interest, Clock clock) {
        this.voice = voice;
        this.steps = steps;
        this.speech = speech;
        this.fallback = fallback;
        this.interest = interest;
        this.clock = clock;
    }

    /** {@code /twilio/voice/step?step=}: the step a {@code say} step redirected to. */
    void step(Context http) {
        var ctx = CallContext.of(WebhookParams.of(http));
        String step = stepParam(http);
        voice.answer(http, ctx.callSid(), tx -> steps.run(tx, ctx, step));
    }

    /** {@code /twilio/voice/interest?step=}: 1 = yes, put me on the support-group interest list; then the step's next. */
    void groupInterest(Context http) {
        var params = WebhookParams.of(http);
        var ctx = CallContext.of(params);
        if (!(steps.flow().step(stepParam(http)) instanceof Step.GroupInterest step)) {
            throw new InvalidInputException("step", "not a groupInterest step");
        }
        boolean yes = params.optional("Digits").filter("1"::equals).isPresent() && ctx.caller().isPresent();
        voice.answer(http, ctx.callSid(), tx -> {
            if (!yes) {
                return steps.run(tx, ctx, step.next());
            }
            interest.add(tx, ctx.caller().get(), step.language(), "voice");
            return new VoiceResponse.Builder().say(speech.say(step.language(), "groupInterestConfirmed"))
                    .redirect(new Redirect.Builder(VoicePaths.step(step.next())).build()).build().toXml();
        });
    }

    /** {@code /twilio/voice/menu?step=&try=}: a key pressed, or none (then the menu again, or its noInput). */
    void menu(Context http) {
        var params = WebhookParams.of(http);
        var ctx = CallContext.of(params);
        if (!(steps.flow().step(stepParam(http)) instanceof Step.Menu menu)) {
            throw new InvalidInputException("step", "not a menu step");
        }
        int attempt = http.queryParamAsClass("try", Integer.class).getOrDefault(1);
        String digit = params.optional("Digits").map(d -> d.substring(0, 1)).orElse("");
        voice.answer(http, ctx.callSid(), tx -> {
            var calls = tx.attach(CallLogDao.class);
            if (menu.options().containsKey(digit)) {
                calls.menuChoice(ctx.callSid(), digit, menu.language(), clock.instant());
                return steps.run(tx, ctx, menu.options().get(digit));
            }
            if (attempt < menu.tries()) {
                return steps.menu(menu, attempt + 1);
            }
            // No key after the last try counts as the menu's noInput choice (by default: talk to a leader).
            calls.menuChoice(ctx.callSid(), "-", menu.language(), clock.instant());
            return steps.run(tx, ctx, menu.noInput());
        });
    }

    /** {@code /twilio/voice/dialed?step=}: a ring attempt ended; a talk that took place, or the next try. */
    void dialed(Context http) {
        var ctx = CallContext.of(WebhookParams.of(http));
        if (!(steps.flow().step(stepParam(http)) instanceof Step.Route route)) {
            throw new InvalidInputException("step", "not a route step");
        }
        voice.answer(http, ctx.callSid(), tx -> {
            var offers = tx.attach(OfferDao.class);
            boolean talked = offers.forCall(ctx.callSid()).stream().anyMatch(o -> "accepted".equals(o.state()));
            offers.closeAll(ctx.callSid(), clock.instant());
            if (talked) {
                return fallback.offerFollowup(ctx, route.language(), "call", new VoiceResponse.Builder());
            }
            return steps.route(tx, ctx, route, false);
        });
    }

    static String stepParam(Context http) {
        String step = http.queryParam("step");
        if (step == null || step.isBlank()) {
            throw new InvalidInputException("step", "missing");
        }
        return step;
    }
}
