package dk.hotline.flows;

import java.util.Map;

/** The voice flow from {@code flows/voice.yaml}: a voice per language and what a call starts with. */
public record VoiceFlow(Map<String, Speaker> voices, String greetingKey) {
    /** A text-to-speech voice (e.g. {@code Polly.Naja}) and the language tag it speaks ({@code da-DK}). */
    public record Speaker(String voice, String language) {}
}
