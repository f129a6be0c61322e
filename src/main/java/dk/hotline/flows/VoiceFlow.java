package dk.hotline.flows;

import dk.hotline.common.Language;
import java.util.Map;

/** The voice flow from {@code flows/voice.yaml}: a voice per language, the steps, where a call starts. */
public record VoiceFlow(Map<Language, Speaker> voices, String start, Map<String, Step> steps) {
    /** A text-to-speech voice (e.g. {@code Polly.Naja}) and the language tag it speaks ({@code da-DK}). */
    public record Speaker(String voice, String language) {}

    public Step step(String id) {
        Step step = steps.get(id);
        if (step == null) {
            throw new IllegalArgumentException("no step '" + id + "' in flows/voice.yaml");
        }
        return step;
    }

    /** The language of the first step: the one to speak when a call's own is not known. */
    public Language startLanguage() {
        return step(start).language();
    }

    public boolean has(String id) {
        return steps.containsKey(id);
    }
}
