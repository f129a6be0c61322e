package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Redirect;
import dk.hotline.flows.Step;
import dk.hotline.flows.Text;
import dk.hotline.groups.GroupInterest;
import dk.hotline.routing.Offers;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.Webhook;
import dk.hotline.twilio.WebhookRequest;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The caller's way through the flow: a step by redirect, a menu key, the end of a ring attempt. */
final class CallFlowHandlers {
    private final VoiceTx voice;
    private final StepRunner steps;
    private final Speech speech;
    private final FallbackChain fallback;
    private final GroupInterest interest;
    private final Offers offers;
    private final Clock clock;

    CallFlowHandlers(VoiceTx voice, StepRunner steps, Speech speech, FallbackChain fallback, GroupInterest interest,
                     Offers offers, Clock clock) {
        this.voice = voice;
        this.steps = steps;
        this.speech = speech;
        this.fallback = fallback;
        this.interest = interest;
        this.offers = offers;
        this.clock = clock;
    }

    /** {@link Webhook#STEP}: the step a {@code say} step redirected to. */
    Reply step(WebhookRequest request) {
        var ctx = CallContext.of(request.form());
        var step = CallQuery.step(request, steps.flow(), Step.class);
        return voice.answer(request, ctx.callSid(), tx -> step.isPresent() ? steps.run(tx, ctx, step.get().id()) : steps.run(tx, ctx, steps.flow().start()));
    }

    /** {@link Webhook#GROUP_INTEREST}: 1 = yes, put me on the support-group interest list; then the step's next. */
    Reply groupInterest(WebhookRequest request) {
        var ctx = CallContext.of(request.form());
        var found = CallQuery.step(request, steps.flow(), Step.GroupInterest.class);
        if (found.isEmpty()) {
            return voice.answer(request, ctx.callSid(), tx -> steps.run(tx, ctx, steps.flow().start()));
        }
        var step = found.get();
        boolean yes = CallQuery.pressedOne(request) && ctx.caller().isPresent();
        return voice.answer(request, ctx.callSid(), tx -> {
            if (!yes) {
                return steps.run(tx, ctx, step.next());
            }
            interest.add(tx, ctx.caller().get(), step.language(), "voice");
            return new VoiceResponse.Builder().say(speech.say(step.language(), Text.GROUP_INTEREST_CONFIRMED))
                    .redirect(new Redirect.Builder(Webhook.STEP.url(step.next())).build()).build().toXml();
        });
    }

    /** {@link Webhook#MENU}: a key pressed, or none (then the menu again, or its noInput). */
    Reply menu(WebhookRequest request) {
        var ctx = CallContext.of(request.form());
        var found = CallQuery.step(request, steps.flow(), Step.Menu.class);
        if (found.isEmpty()) {
            return voice.answer(request, ctx.callSid(), tx -> steps.run(tx, ctx, steps.flow().start()));
        }
        var menu = found.get();
        int attempt = CallQuery.attempt(request, menu.tries());
        String digit = request.form().optional("Digits").map(d -> d.substring(0, 1)).orElse("");
        return voice.answer(request, ctx.callSid(), tx -> {
            if (menu.options().containsKey(digit)) {
                return chosen(tx, ctx, menu, digit, menu.options().get(digit));
            }
            if (attempt < menu.tries()) {
                return steps.menu(menu, attempt + 1);
            }
            // No key after the last try counts as the menu's noInput choice (by default: talk to a leader).
            return chosen(tx, ctx, menu, "-", menu.noInput());
        });
    }

    /** The step a key ({@code -}: none) led to, the key added to the call's path through the menu. */
    private String chosen(Handle tx, CallContext ctx, Step.Menu menu, String choice, String stepId) {
        if (steps.flow().step(stepId) instanceof Step.Route route) {
            return steps.route(tx, ctx, route, true, Optional.of(choice));
        }
        CallSteps.menuChoice(tx, ctx.callSid(), choice, menu.language().code(), clock.instant());
        return steps.run(tx, ctx, stepId);
    }

    /** {@link Webhook#DIALED}: a ring attempt ended; a talk that took place, or the next try. */
    Reply dialed(WebhookRequest request) {
        var ctx = CallContext.of(request.form());
        var route = CallQuery.step(request, steps.flow(), Step.Route.class);
        // With the step gone the attempt's offers are closed all the same, or its leaders stay held.
        var language = route.map(Step::language).orElse(steps.flow().startLanguage());
        return voice.answer(request, ctx.callSid(), tx -> {
            boolean talked = offers.taken(tx, ctx.callSid());
            offers.closeCall(tx, ctx.callSid());
            if (talked) {
                return fallback.offerFollowup(ctx, language, "call", new VoiceResponse.Builder());
            }
            return route.isPresent() ? steps.route(tx, ctx, route.get(), false, Optional.empty()) : steps.run(tx, ctx, steps.flow().start());
        });
    }
}
