package dk.hotline.voice;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.flows.Step;
import dk.hotline.flows.VoiceFlow;
import dk.hotline.twilio.WebhookRequest;

/** The service's own parameters on a voice webhook's URL, read and checked. */
final class CallQuery {
    private CallQuery() {}

    /** {@code lang}: the language the caller chose. */
    static Language language(WebhookRequest request) {
        return Language.fromCode(request.query("lang")).orElseThrow(() -> new InvalidInputException("lang", "da or en"));
    }

    /** {@code offer}: the leader's ringing phone this request is about. */
    static long offer(WebhookRequest request) {
        return request.longQuery("offer");
    }

    /** Whether the key pressed ({@code Digits}) was 1: yes, take it, connect me. */
    static boolean pressedOne(WebhookRequest request) {
        return request.form().optional("Digits").filter("1"::equals).isPresent();
    }

    /** {@code step}: a step of the voice flow, of the kind the webhook needs. */
    static <S extends Step> S step(WebhookRequest request, VoiceFlow flow, Class<S> kind, String what) {
        Step step = flow.step(request.query("step"));
        if (!kind.isInstance(step)) {
            throw new InvalidInputException("step", "not a " + what + " step");
        }
        return kind.cast(step);
    }
}
