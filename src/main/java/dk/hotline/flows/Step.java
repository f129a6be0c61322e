package dk.hotline.flows;

import dk.hotline.common.Language;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One step of the voice flow. Each kind is a record; the voice package renders them as TwiML. */
public sealed interface Step {
    String id();

    /** The language the step speaks. */
    Language language();

    /** Say texts, wait for one key; after {@code tries} without a valid key, go to {@code noInput}. */
    record Menu(String id, Language language, List<String> say, int timeoutSeconds, int tries, String noInput,
                Map<String, String> options) implements Step {}

    /** Say texts and play recordings ({@code play}: https URLs of audio files), then go to {@code next}, or end the call with 112 when there is none. */
    record Say(String id, Language language, List<String> texts, List<String> play, Optional<String> next) implements Step {}

    /** Ring the leaders on call, speakers of {@code language} first. */
    record Route(String id, Language language) implements Step {}

    /** Put the caller straight into the hold queue; the first leader on call to become free gets them. */
    record Queue(String id, Language language) implements Step {}

    /** Offer to call back the number the caller calls from. */
    record Callback(String id, Language language) implements Step {}

    /**
     * Say a prompt, record a message of at most {@code maxSeconds} after the tone; the leaders on
     * call are told by SMS that a message waits (never who left it).
     */
    record Voicemail(String id, Language language, int maxSeconds) implements Step {}

    /**
     * Ask (press 1) whether the caller wants to be on the support-group interest list, to be texted
     * on the number they call from when there is a place; then go to {@code next} either way.
     */
    record GroupInterest(String id, Language language, String next) implements Step {}

    /** Say goodbye and 112 and end the call. */
    record Hangup(String id, Language language) implements Step {}
}
