package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Redirect;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.followups.Followups;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.Webhook;
import dk.hotline.twilio.WebhookRequest;
import java.time.Clock;
import java.util.Map;

/** The fallback chain's answers: after the backup number, and the callback offer's two questions. */
final class FallbackHandlers {
    private static final Map<String, String> TIMES = Map.of("1", "morning", "2", "afternoon", "3", "evening");

    private final VoiceTx voice;
    private final Speech speech;
    private final FallbackChain fallback;
    private final CallbackRequests callbacks;
    private final Followups followups;
    private final Clock clock;

    FallbackHandlers(VoiceTx voice, Speech speech, FallbackChain fallback, CallbackRequests callbacks, Followups followups,
                     Clock clock) {
        this.voice = voice;
        this.speech = speech;
        this.fallback = fallback;
        this.callbacks = callbacks;
        this.followups = followups;
        this.clock = clock;
    }

    /** {@link Webhook#FALLBACK_NEXT}: the backup number's ring ended. */
    Reply next(WebhookRequest request) {
        var ctx = CallContext.of(request.form());
        Language language = CallQuery.language(request);
        int after = CallQuery.fallbackPosition(request);
        boolean talked = request.form().optional("DialCallStatus").filter("completed"::equals).isPresent();
        return voice.answer(request, ctx.callSid(), tx -> {
            if (talked) {
                tx.attach(CallLogDao.class).outcome(ctx.callSid(), CallOutcome.FALLBACK_NUMBER, clock.instant());
                return fallback.offerFollowup(ctx, language, "call", new VoiceResponse.Builder());
            }
            return fallback.from(tx, ctx, language, after + 1);
        });
    }

    /** {@link Webhook#CALLBACK_CONFIRM}: 1 = the number is safe to call back. */
    Reply confirm(WebhookRequest request) {
        var ctx = CallContext.of(request.form());
        Language language = CallQuery.language(request);
        int after = CallQuery.fallbackPosition(request);
        boolean safe = CallQuery.pressedOne(request) && ctx.caller().isPresent();
        return voice.answer(request, ctx.callSid(), tx -> {
            if (safe) {
                return new VoiceResponse.Builder()
                        .gather(new Gather.Builder().numDigits(1).timeout(6).action(Webhook.CALLBACK_WHEN.url(language))
                                .say(speech.say(language, Text.CALLBACK_WHEN)).build())
                        .redirect(new Redirect.Builder(Webhook.CALLBACK_WHEN.url(language)).build())
                        .build().toXml();
            }
            if (after == StepRunner.FROM_MENU) {
                return fallback.end(new VoiceResponse.Builder().say(speech.say(language, Text.GOODBYE)), language);
            }
            return fallback.from(tx, ctx, language, after + 1);
        });
    }

    /** {@link Webhook#CALLBACK_WHEN}: the preferred time (no key: as soon as possible); stored. */
    Reply when(WebhookRequest request) {
        var ctx = CallContext.of(request.form());
        Language language = CallQuery.language(request);
        String time = request.form().optional("Digits").map(TIMES::get).orElse("asap");
        if (ctx.caller().isEmpty()) {
            throw new InvalidInputException("From", "a callback needs the caller's number");
        }
        return voice.answer(request, ctx.callSid(), tx -> {
            callbacks.request(tx, ctx.callSid(), ctx.caller().get(), language, time, "voice");
            tx.attach(CallLogDao.class).outcome(ctx.callSid(), CallOutcome.CALLBACK_REQUESTED, clock.instant());
            return fallback.offerFollowup(ctx, language, "callback",
                    new VoiceResponse.Builder().say(speech.say(language, Text.CALLBACK_CONFIRMED)));
        });
    }

    /** {@link Webhook#FOLLOWUP}: 1 = yes to one follow-up text in a few days. */
    Reply followup(WebhookRequest request) {
        var ctx = CallContext.of(request.form());
        Language language = CallQuery.language(request);
        String source = request.optionalQuery("source").orElse("");
        if (!"call".equals(source) && !"callback".equals(source)) {
            throw new InvalidInputException("source", "call or callback");
        }
        boolean yes = CallQuery.pressedOne(request) && ctx.caller().isPresent();
        return voice.answer(request, ctx.callSid(), tx -> {
            if (!yes) {
                return fallback.end(new VoiceResponse.Builder().say(speech.say(language, Text.GOODBYE)), language);
            }
            followups.request(tx, source + ":" + ctx.callSid(), ctx.caller().get(), language, source);
            return fallback.end(new VoiceResponse.Builder().say(speech.say(language, Text.FOLLOWUP_CONFIRMED)), language);
        });
    }
}
