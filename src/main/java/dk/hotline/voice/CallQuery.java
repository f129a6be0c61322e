package dk.hotline.voice;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.flows.Step;
import dk.hotline.flows.VoiceFlow;
import dk.hotline.twilio.WebhookRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service's own parameters on a voice webhook's URL, read and checked. */
final class CallQuery {
    private static final Logger log = LoggerFactory.getLogger(CallQuery.class);

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

    /**
     * {@code step}: a step of the voice flow, of the kind the webhook needs; empty when there is no
     * such step. Every call under way still carries the step names of the flow it began in, so a
     * coordinator renaming a step in flows/voice.yaml leaves them asking for one that is gone. That
     * is no error for the caller: the handler goes on from the flow's start. The name is not logged
     * (it is whatever the URL held).
     */
    static <S extends Step> Optional<S> step(WebhookRequest request, VoiceFlow flow, Class<S> kind) {
        var name = request.optionalQuery("step");
        if (name.isEmpty() || !flow.has(name.get())) {
            log.warn("event=voice.unknown_step path={} reason={}", request.webhook(), name.isEmpty() ? "missing" : "not_in_flow");
            return Optional.empty();
        }
        Step step = flow.step(name.get());
        if (!kind.isInstance(step)) {
            log.warn("event=voice.unknown_step path={} reason=other_kind kind={}", request.webhook(), kind.getSimpleName());
            return Optional.empty();
        }
        return Optional.of(kind.cast(step));
    }

    /**
     * {@code try}: which time a menu is said, 1 to {@code tries}. Twilio only echoes what the menu
     * wrote; anything else (negative, huge, no number) counts as the last try, so the menu cannot
     * repeat without end.
     */
    static int attempt(WebhookRequest request, int tries) {
        var raw = request.optionalQuery("try");
        if (raw.isEmpty()) {
            return 1;
        }
        try {
            int attempt = Integer.parseInt(raw.get().trim());
            return attempt >= 1 && attempt <= tries ? attempt : tries;
        } catch (NumberFormatException e) {
            return tries;
        }
    }

    /** Beyond any fallback chain's last option. */
    private static final int PAST_CHAIN = 1000;

    /**
     * {@code after}: the fallback chain's position a ring or an offer was made from ({@link
     * StepRunner#FROM_MENU} for the menu's offer). Twilio only echoes what the chain wrote; anything
     * below that or beyond any chain counts as past its end, so the caller hears the chain's goodbye
     * rather than Twilio's "an application error has occurred".
     */
    static int fallbackPosition(WebhookRequest request) {
        int after = request.intQuery("after");
        return after < StepRunner.FROM_MENU || after > PAST_CHAIN ? PAST_CHAIN : after;
    }
}
