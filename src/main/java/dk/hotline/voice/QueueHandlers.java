package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Leave;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Queue;
import dk.hotline.app.HotlineConfig;
import dk.hotline.flows.Step;
import dk.hotline.outbox.Outbox;
import dk.hotline.routing.Offer;
import dk.hotline.routing.OfferDao;
import dk.hotline.routing.RouteDecision;
import dk.hotline.routing.Router;
import dk.hotline.twilio.WebhookParams;
import dk.hotline.web.InvalidInputException;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The hold queue (Twilio {@code <Enqueue>}), one per language. While the longest-waiting caller
 * waits, each return of the wait music looks for a leader who has become free and rings them;
 * the leader who presses 1 is connected to the head of the queue, the longest-waiting caller.
 */
final class QueueHandlers {
    private final VoiceTx voice;
    private final StepRunner steps;
    private final Speech speech;
    private final Router router;
    private final Outbox outbox;
    private final FallbackChain fallback;
    private final HotlineConfig config;
    private final Clock clock;

    QueueHandlers(VoiceTx voice, StepRunner steps, Speech speech, Router router, Outbox outbox, FallbackChain fallback,
                  HotlineConfig config, Clock clock) {
        this.voice = voice;
        this.steps = steps;
        this.speech = speech;
        this.router = router;
        this.outbox = outbox;
        this.fallback = fallback;
        this.config = config;
        this.clock = clock;
    }

    /** {@code /twilio/voice/queue/wait?step=}: what a waiting caller hears, polled by Twilio. */
    void waitMusic(Context http) {
        var params = WebhookParams.of(http);
        String callSid = params.sid("CallSid", "CA");
        Step route = queueStep(http);
        int position = params.integer("QueuePosition").orElse(1);
        int waited = params.integer("QueueTime").orElse(0);
        voice.answerWithoutReplay(http, tx -> {
            if (waited >= config.queue().maxWait().toSeconds()) {
                return new VoiceResponse.Builder().leave(new Leave.Builder().build()).build().toXml();
            }
            if (position == 1) {
                offerToFreeLeader(tx, callSid, route.language());
            }
            var response = new VoiceResponse.Builder()
                    .say(speech.say(route.language(), "queuePosition", Map.of("position", String.valueOf(position))));
            return (config.queue().music().isEmpty()
                    ? response.pause(new Pause.Builder().length((int) config.queue().announceEvery().toSeconds()).build())
                    : response.play(new Play.Builder(config.queue().music()).build())).build().toXml();
        });
    }

    /** Rings a leader who has become free, by an outbound call from the outbox. */
    private void offerToFreeLeader(Handle tx, String callSid, String language) {
        if (router.route(tx, callSid, language, "queue") instanceof RouteDecision.Ring ring) {
            for (Offer offer : ring.offers()) {
                outbox.call(tx, "queue-offer:" + offer.id(), offer.phone(), VoicePaths.queueConnect(offer.id(), language),
                        clock.instant()).ifPresent(outboxId -> tx.attach(OfferDao.class).linkOutbox(offer.id(), outboxId));
            }
        }
    }

    /** {@code /twilio/voice/queue/left?step=}: the caller left the queue: talked, hung up, or waited too long. */
    void left(Context http) {
        var params = WebhookParams.of(http);
        var ctx = CallContext.of(params);
        Step route = queueStep(http);
        String result = params.optional("QueueResult").orElse("error");
        voice.answer(http, ctx.callSid(), tx -> {
            tx.attach(OfferDao.class).closeAll(ctx.callSid(), clock.instant());
            var calls = tx.attach(CallLogDao.class);
            if ("bridged".equals(result)) {
                return fallback.offerFollowup(ctx, route.language(), "call", new VoiceResponse.Builder());
            }
            if ("hangup".equals(result)) {
                return new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build().toXml();
            }
            calls.outcome(ctx.callSid(), "queue-timeout", clock.instant());
            return fallback.from(tx, ctx, route.language(), 0,
                    new VoiceResponse.Builder().say(speech.say(route.language(), "queueTimeout")));
        });
    }

    /** {@code /twilio/voice/queue/connect?offer=&lang=}: a freed leader answered our call. */
    void connect(Context http) {
        String leg = WebhookParams.of(http).sid("CallSid", "CA");
        long offerId = ScreeningHandlers.offerParam(http);
        String language = FallbackHandlers.language(http);
        voice.answer(http, leg, tx -> {
            var offer = ScreeningHandlers.offer(tx, offerId);
            if (!"ringing".equals(offer.state())) {
                return new VoiceResponse.Builder().say(speech.say("da", "queueEmpty")).hangup(new Hangup.Builder().build()).build().toXml();
            }
            return new VoiceResponse.Builder()
                    .gather(new Gather.Builder().numDigits(1).timeout(config.routing().screenSeconds())
                            .action(VoicePaths.queueConnectAnswer(offerId, language))
                            .say(speech.say(language, "queueScreening")).build())
                    .hangup(new Hangup.Builder().build())
                    .build().toXml();
        });
    }

    /** {@code /twilio/voice/queue/connect/answer?offer=&lang=}: 1 connects the leader to the head of the queue. */
    void connectAnswer(Context http) {
        var params = WebhookParams.of(http);
        String leg = params.sid("CallSid", "CA");
        long offerId = ScreeningHandlers.offerParam(http);
        String language = FallbackHandlers.language(http);
        boolean pressedOne = params.optional("Digits").filter("1"::equals).isPresent();
        voice.answer(http, leg, tx -> {
            var offers = tx.attach(OfferDao.class);
            if (!pressedOne || offers.accept(offerId, clock.instant()) == 0) {
                offers.closeRinging(offerId, "declined", clock.instant());
                return new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build().toXml();
            }
            return new VoiceResponse.Builder()
                    .dial(new Dial.Builder().queue(new Queue.Builder(VoicePaths.queueName(language))
                            .url(VoicePaths.queueBridged(offerId)).build()).build())
                    .say(speech.say(language, "queueEmpty"))
                    .hangup(new Hangup.Builder().build())
                    .build().toXml();
        });
    }

    /**
     * {@code /twilio/voice/queue/bridged?offer=}: runs on the dequeued caller's leg just before the
     * bridge; the offer now belongs to that caller, whoever was at the head of the queue.
     */
    void bridged(Context http) {
        var ctx = CallContext.of(WebhookParams.of(http));
        long offerId = ScreeningHandlers.offerParam(http);
        voice.answer(http, ctx.callSid(), tx -> {
            var offers = tx.attach(OfferDao.class);
            offers.reassign(offerId, ctx.callSid());
            var offer = ScreeningHandlers.offer(tx, offerId);
            tx.attach(CallLogDao.class).answered(ctx.callSid(), offer.leaderId(), clock.instant());
            return new VoiceResponse.Builder().build().toXml();
        });
    }

    /** The route or queue step that put the caller in the queue: its language is the queue's. */
    private Step queueStep(Context http) {
        Step step = steps.flow().step(CallFlowHandlers.stepParam(http));
        if (step instanceof Step.Route || step instanceof Step.Queue) {
            return step;
        }
        throw new InvalidInputException("step", "not a route or queue step");
    }
}
