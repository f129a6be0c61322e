package dk.hotline.voice;

import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.WebhookHandler;
import dk.hotline.twilio.WebhookRequest;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /twilio/voice}: a call comes in. Recorded once per CallSid, then the flow's first step. */
final class IncomingCallHandler implements WebhookHandler {
    private static final Logger log = LoggerFactory.getLogger(IncomingCallHandler.class);

    private final VoiceTx voice;
    private final StepRunner steps;
    private final Arrivals arrivals;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    IncomingCallHandler(VoiceTx voice, StepRunner steps, Arrivals arrivals, PersonalDataCipher cipher, BlindIndex index,
                        Clock clock) {
        this.voice = voice;
        this.steps = steps;
        this.arrivals = arrivals;
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    @Override
    public Reply handle(WebhookRequest request) {
        var ctx = CallContext.of(request.form());
        PhoneNumber caller = ctx.caller().orElse(null);
        var arrival = new Arrivals.Arrival(ctx.callSid(), caller, cipher.sealPhone(caller), index.of(caller), clock.instant());
        String start = steps.flow().start();
        if (steps.changesState(start)) {
            // A first step that rings or queues: it and the arrival commit together, and its answer
            // is stored for a retry to get back.
            return voice.answer(request, ctx.callSid(), tx -> {
                logArrival(arrival, arrivals.recordIn(tx, arrival));
                return steps.run(tx, ctx, start);
            });
        }
        // Otherwise the answer is the same every time, and the arrival may share a commit with others.
        logArrival(arrival, arrivals.record(arrival));
        return Reply.twiml(steps.speak(ctx, start));
    }

    private static void logArrival(Arrivals.Arrival arrival, boolean first) {
        log.info("event=call.arrived call={} withheld={} repeat={}", arrival.callSid(), arrival.caller() == null, !first);
    }
}
