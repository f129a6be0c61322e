package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Redirect;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.followups.Followups;
import dk.hotline.twilio.WebhookParams;
import dk.hotline.web.InvalidInputException;
import io.javalin.http.Context;
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

    /** {@code /twilio/voice/fallback/next?lang=&after=}: the backup number's ring ended. */
    void next(Context http) {
        var params = WebhookParams.of(http);
        var ctx = CallContext.of(params);
        String language = language(http);
        int after = after(http);
        boolean talked = params.optional("DialCallStatus").filter("completed"::equals).isPresent();
        voice.answer(http, ctx.callSid(), tx -> {
            if (talked) {
                tx.attach(CallLogDao.class).outcome(ctx.callSid(), "fallback-number", clock.instant());
                return fallback.offerFollowup(ctx, language, "call", new VoiceResponse.Builder());
            }
            return fallback.from(tx, ctx, language, after + 1);
        });
    }

    /** {@code /twilio/voice/callback/confirm?lang=&after=}: 1 = the number is safe to call back. */
    void confirm(Context http) {
        var params = WebhookParams.of(http);
        var ctx = CallContext.of(params);
        String language = language(http);
        int after = after(http);
        boolean safe = params.optional("Digits").filter("1"::equals).isPresent() && ctx.caller().isPresent();
        voice.answer(http, ctx.callSid(), tx -> {
            if (safe) {
                return new VoiceResponse.Builder()
                        .gather(new Gather.Builder().numDigits(1).timeout(6).action(VoicePaths.callbackWhen(language))
                                .say(speech.say(language, "callbackWhen")).build())
                        .redirect(new Redirect.Builder(VoicePaths.callbackWhen(language)).build())
                        .build().toXml();
            }
            if (after == StepRunner.FROM_MENU) {
                return fallback.end(new VoiceResponse.Builder().say(speech.say(language, "goodbye")), language);
            }
            return fallback.from(tx, ctx, language, after + 1);
        });
    }

    /** {@code /twilio/voice/callback/when?lang=}: the preferred time (no key: as soon as possible); stored. */
    void when(Context http) {
        var params = WebhookParams.of(http);
        var ctx = CallContext.of(params);
        String language = language(http);
        String time = params.optional("Digits").map(TIMES::get).orElse("asap");
        if (ctx.caller().isEmpty()) {
            throw new InvalidInputException("From", "a callback needs the caller's number");
        }
        voice.answer(http, ctx.callSid(), tx -> {
            callbacks.request(tx, ctx.callSid(), ctx.caller().get(), language, time, "voice");
            tx.attach(CallLogDao.class).outcome(ctx.callSid(), "callback-requested", clock.instant());
            return fallback.offerFollowup(ctx, language, "callback",
                    new VoiceResponse.Builder().say(speech.say(language, "callbackConfirmed")));
        });
    }

    /** {@code /twilio/voice/followup?lang=&source=}: 1 = yes to one follow-up text in a few days. */
    void followup(Context http) {
        var params = WebhookParams.of(http);
        var ctx = CallContext.of(params);
        String language = language(http);
        String source = http.queryParam("source");
        if (!"call".equals(source) && !"callback".equals(source)) {
            throw new InvalidInputException("source", "call or callback");
        }
        boolean yes = params.optional("Digits").filter("1"::equals).isPresent() && ctx.caller().isPresent();
        voice.answer(http, ctx.callSid(), tx -> {
            if (!yes) {
                return fallback.end(new VoiceResponse.Builder().say(speech.say(language, "goodbye")), language);
            }
            followups.request(tx, source + ":" + ctx.callSid(), ctx.caller().get(), language, source);
            return fallback.end(new VoiceResponse.Builder().say(speech.say(language, "followupConfirmed")), language);
        });
    }

    static String language(Context http) {
        String language = http.queryParam("lang");
        if (!"da".equals(language) && !"en".equals(language)) {
            throw new InvalidInputException("lang", "da or en");
        }
        return language;
    }

    private static int after(Context http) {
        return http.queryParamAsClass("after", Integer.class).get();
    }
}
