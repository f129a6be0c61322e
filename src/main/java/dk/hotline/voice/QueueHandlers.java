package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Leave;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Queue;
import dk.hotline.common.Language;
import dk.hotline.flows.Step;
import dk.hotline.flows.Text;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.routing.Offer;
import dk.hotline.routing.OfferKind;
import dk.hotline.routing.Offers;
import dk.hotline.routing.RouteDecision;
import dk.hotline.routing.Router;
import dk.hotline.routing.RoutingSettings;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.Webhook;
import dk.hotline.twilio.WebhookRequest;
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
    private final Offers offers;
    private final Outbox outbox;
    private final FallbackChain fallback;
    private final QueueSettings queue;
    private final RoutingSettings routing;
    private final Clock clock;

    QueueHandlers(VoiceTx voice, StepRunner steps, Speech speech, Router router, Offers offers, Outbox outbox,
                  FallbackChain fallback, QueueSettings queue, RoutingSettings routing, Clock clock) {
        this.voice = voice;
        this.steps = steps;
        this.speech = speech;
        this.router = router;
        this.offers = offers;
        this.outbox = outbox;
        this.fallback = fallback;
        this.queue = queue;
        this.routing = routing;
        this.clock = clock;
    }

    /** The Twilio queue a language's callers wait in. */
    static String queueName(Language language) {
        return "hotline-" + language.code();
    }

    /** {@link Webhook#QUEUE_WAIT}: what a waiting caller hears, polled by Twilio. */
    Reply waitMusic(WebhookRequest request) {
        var params = request.form();
        String callSid = params.sid("CallSid", "CA");
        Language language = queueLanguage(request);
        int position = params.integer("QueuePosition").orElse(1);
        int waited = params.integer("QueueTime").orElse(0);
        return voice.answerWithoutReplay(tx -> {
            if (waited >= queue.maxWait().toSeconds()) {
                return new VoiceResponse.Builder().leave(new Leave.Builder().build()).build().toXml();
            }
            if (position == 1) {
                offerToFreeLeader(tx, callSid, language);
            }
            var response = new VoiceResponse.Builder()
                    .say(speech.say(language, Text.QUEUE_POSITION, Map.of("position", position)));
            return (queue.music().isEmpty()
                    ? response.pause(new Pause.Builder().length((int) queue.announceEvery().toSeconds()).build())
                    : response.play(new Play.Builder(queue.music()).build())).build().toXml();
        });
    }

    /** Rings a leader who has become free, by an outbound call from the outbox. */
    private void offerToFreeLeader(Handle tx, String callSid, Language language) {
        if (router.route(tx, callSid, language, OfferKind.QUEUE) instanceof RouteDecision.Ring ring) {
            for (Offer offer : ring.offers()) {
                outbox.call(tx, MessageKind.QUEUE_OFFER, String.valueOf(offer.id()), offer.phone(),
                        Webhook.QUEUE_CONNECT.url(offer.id(), language), clock.instant())
                        .ifPresent(outboxId -> offers.linkOutbox(tx, offer.id(), outboxId));
            }
        }
    }

    /** {@link Webhook#QUEUE_LEFT}: the caller left the queue: talked, hung up, or waited too long. */
    Reply left(WebhookRequest request) {
        var ctx = CallContext.of(request.form());
        Language language = queueLanguage(request);
        String result = request.form().optional("QueueResult").orElse("error");
        return voice.answer(request, ctx.callSid(), tx -> {
            offers.closeCall(tx, ctx.callSid());
            if ("bridged".equals(result)) {
                return fallback.offerFollowup(ctx, language, "call", new VoiceResponse.Builder());
            }
            if ("hangup".equals(result)) {
                return Prompts.hangUp(new VoiceResponse.Builder());
            }
            tx.attach(CallLogDao.class).outcome(ctx.callSid(), CallOutcome.QUEUE_TIMEOUT, clock.instant());
            return fallback.from(tx, ctx, language, 0,
                    new VoiceResponse.Builder().say(speech.say(language, Text.QUEUE_TIMEOUT)));
        });
    }

    /** {@link Webhook#QUEUE_CONNECT}: a freed leader answered our call. */
    Reply connect(WebhookRequest request) {
        String leg = request.form().sid("CallSid", "CA");
        long offerId = CallQuery.offer(request);
        Language language = CallQuery.language(request);
        return voice.answer(request, leg, tx -> {
            if (!offers.byId(tx, offerId).ringing()) {
                return Prompts.hangUp(new VoiceResponse.Builder().say(speech.say(Language.DANISH, Text.QUEUE_EMPTY)));
            }
            return Prompts.oneKeyOrHangUp(speech.say(language, Text.QUEUE_SCREENING), routing.screenSeconds(),
                    Webhook.QUEUE_CONNECT_ANSWER.url(offerId, language));
        });
    }

    /** {@link Webhook#QUEUE_CONNECT_ANSWER}: 1 connects the leader to the head of the queue. */
    Reply connectAnswer(WebhookRequest request) {
        String leg = request.form().sid("CallSid", "CA");
        long offerId = CallQuery.offer(request);
        Language language = CallQuery.language(request);
        boolean pressedOne = CallQuery.pressedOne(request);
        return voice.answer(request, leg, tx -> {
            if (!pressedOne || !offers.accept(tx, offerId)) {
                offers.decline(tx, offerId);
                return Prompts.hangUp(new VoiceResponse.Builder());
            }
            return new VoiceResponse.Builder()
                    .dial(new Dial.Builder().queue(new Queue.Builder(queueName(language))
                            .url(Webhook.QUEUE_BRIDGED.url(offerId)).build()).build())
                    .say(speech.say(language, Text.QUEUE_EMPTY))
                    .hangup(new Hangup.Builder().build())
                    .build().toXml();
        });
    }

    /**
     * {@link Webhook#QUEUE_BRIDGED}: runs on the dequeued caller's leg just before the bridge; the
     * offer now belongs to that caller, whoever was at the head of the queue.
     */
    Reply bridged(WebhookRequest request) {
        var ctx = CallContext.of(request.form());
        long offerId = CallQuery.offer(request);
        return voice.answer(request, ctx.callSid(), tx -> {
            var offer = offers.reassign(tx, offerId, ctx.callSid());
            tx.attach(CallLogDao.class).answered(ctx.callSid(), offer.leaderId(), clock.instant());
            return new VoiceResponse.Builder().build().toXml();
        });
    }

    /**
     * The language of the route or queue step that put the caller in the queue: the queue's. A step
     * no longer in the flow leaves the caller waiting, spoken to in the language the flow starts in.
     */
    private Language queueLanguage(WebhookRequest request) {
        return CallQuery.step(request, steps.flow(), Step.class)
                .filter(step -> step instanceof Step.Route || step instanceof Step.Queue)
                .map(Step::language)
                .orElseGet(() -> steps.flow().startLanguage());
    }
}
