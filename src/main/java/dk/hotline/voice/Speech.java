package dk.hotline.voice;

import com.twilio.twiml.voice.Say;
import dk.hotline.common.Language;
import dk.hotline.flows.FlowException;
import dk.hotline.flows.Flows;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.flows.VoiceFlow;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** Turns a text into a {@code <Say>} in the voice configured for its language. */
final class Speech {
    private final Texts texts;
    private final Map<Language, Say.Voice> voices = new EnumMap<>(Language.class);
    private final Map<Language, Say.Language> languages = new EnumMap<>(Language.class);

    /** Resolves every configured voice now, so an unknown voice name stops startup, not a call. */
    Speech(Flows flows) {
        this.texts = flows.texts();
        flows.voice().voices().forEach((lang, speaker) -> {
            voices.put(lang, voice(speaker));
            languages.put(lang, language(speaker));
        });
    }

    Say say(Language language, Text text) {
        return spoken(language, texts.get(language, text));
    }

    /** With the text's placeholders filled in. */
    Say say(Language language, Text text, Map<String, ?> values) {
        return spoken(language, texts.fill(language, text, values));
    }

    /** A text a step of the voice flow names by its key. */
    Say sayStep(Language language, String key) {
        return spoken(language, texts.byKey(language, key));
    }

    /** The text itself, for putting into another text. */
    String text(Language language, Text text) {
        return texts.get(language, text);
    }

    private Say spoken(Language language, String text) {
        return new Say.Builder(text).voice(voices.get(language)).language(languages.get(language)).build();
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
