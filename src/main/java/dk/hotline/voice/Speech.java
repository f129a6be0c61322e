package dk.hotline.voice;

import com.twilio.twiml.voice.Say;
import dk.hotline.flows.FlowException;
import dk.hotline.flows.Flows;
import dk.hotline.flows.VoiceFlow;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Turns a text into a {@code <Say>} in the voice configured for its language. */
final class Speech {
    private final Flows flows;
    private final Map<String, Say.Voice> voices = new HashMap<>();
    private final Map<String, Say.Language> languages = new HashMap<>();

    /** Resolves every configured voice now, so an unknown voice name stops startup, not a call. */
    Speech(Flows flows) {
        this.flows = flows;
        flows.voice().voices().forEach((lang, speaker) -> {
            voices.put(lang, voice(speaker));
            languages.put(lang, language(speaker));
        });
    }

    public Say say(String language, String textKey) {
        return say(language, textKey, Map.of());
    }

    /** The text itself, for putting into another text. */
    public String text(String language, String textKey) {
        return flows.texts().get(language, textKey);
    }

    /** With {@code {name}} placeholders in the text replaced by the given values. */
    public Say say(String language, String textKey, Map<String, String> values) {
        String text = flows.texts().get(language, textKey);
        for (var e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return new Say.Builder(text)
                .voice(voices.get(language))
                .language(languages.get(language))
                .build();
    }

    private static Say.Voice voice(VoiceFlow.Speaker s) {
        return Arrays.stream(Say.Voice.values())
                .filter(v -> v.toString().equalsIgnoreCase(s.voice()))
                .findFirst()
                .orElseThrow(() -> new FlowException("flows/voice.yaml: unknown voice '" + s.voice() + "' (e.g. Polly.Naja)"));
    }

    private static Say.Language language(VoiceFlow.Speaker s) {
        return Arrays.stream(Say.Language.values())
                .filter(l -> l.toString().equalsIgnoreCase(s.language()))
                .findFirst()
                .orElseThrow(() -> new FlowException("flows/voice.yaml: unknown language '" + s.language() + "' (e.g. da-DK)"));
    }
}
