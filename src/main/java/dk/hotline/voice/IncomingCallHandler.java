package dk.hotline.voice;

import dk.hotline.followups.Followups;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.WebhookHandler;
import dk.hotline.twilio.WebhookRequest;
import java.time.Clock;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /twilio/voice}: a call comes in. Recorded once per CallSid, then the flow's first step. */
final class IncomingCallHandler implements WebhookHandler {
    private static final Logger log = LoggerFactory.getLogger(IncomingCallHandler.class);

    private final VoiceTx voice;
    private final StepRunner steps;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Followups followups;
    private final Clock clock;

    IncomingCallHandler(VoiceTx voice, StepRunner steps, PersonalDataCipher cipher, BlindIndex index, Followups followups,
                        Clock clock) {
        this.voice = voice;
        this.steps = steps;
        this.cipher = cipher;
        this.index = index;
        this.followups = followups;
        this.clock = clock;
    }

    @Override
    public Reply handle(WebhookRequest request) {
        var ctx = CallContext.of(request.form());
        PhoneNumber caller = ctx.caller().orElse(null);
        String start = steps.flow().start();
        Function<Handle, String> arrive = tx -> {
            boolean first = CallSteps.arrived(tx, ctx.callSid(), cipher.sealPhone(caller), index.of(caller), clock.instant());
            log.info("event=call.arrived call={} withheld={} repeat={}", ctx.callSid(), caller == null, !first);
            if (caller != null && first) {
                // They called us first: the follow-up they agreed to wait for is not needed.
                followups.contactFrom(tx, caller, "call");
            }
            return steps.run(tx, ctx, start);
        };
        // A retry finds the call recorded and cancels nothing again; only a first step that rings
        // or queues needs its answer stored for a retry to get it back.
        return steps.changesState(start) ? voice.answer(request, ctx.callSid(), arrive) : voice.answerWithoutReplay(arrive);
    }
}
