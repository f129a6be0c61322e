package dk.hotline.flows;

import java.util.EnumMap;

import dk.hotline.common.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.hotline.app.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscretionTest {
    private final List<String> revealing = ConfigLoader.load(Map.of()).revealingWords();
    private final Texts texts = FlowLoader.load(Path.of("flows")).texts();

    @Test
    void noDefaultTextASurvivorCanReceiveHoldsARevealingWord() {
        assertThat(revealing).contains("vold", "violence", "krise", "overgreb", "misbrug", "abuse");
        for (Language language : Language.values()) {
            for (Text text : Text.values()) {
                if (text.reader() != Text.Reader.SURVIVOR) {
                    continue;
                }
                String rendered = texts.byKey(language, text.key()).replace("{next}", " den 1. december klokken 17.00").toLowerCase();
                assertThat(revealing).as(language + "." + text.key() + ": " + rendered).noneMatch(rendered::contains);
            }
        }
    }

    @Test
    void aRevealingWordInASurvivorTextStopsStartup() {
        var changed = new EnumMap<Language, Map<String, String>>(Language.class);
        for (Language language : Language.values()) {
            changed.put(language, texts.of(language));
        }
        var danish = new HashMap<>(changed.get(Language.DANISH));
        danish.put("smsHelp", "Her er linjen for ofre for vold.");
        changed.put(Language.DANISH, danish);

        assertThatThrownBy(() -> Discretion.check(new Texts(changed), revealing))
                .isInstanceOf(FlowException.class)
                .hasMessageContaining("texts.da.yaml").hasMessageContaining("smsHelp").hasMessageContaining("'vold'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Her er linjen mod v\u00f3ld.", "Her er linjen mod \uff36old.", "Her er linjen mod V.o.l.d.",
            "Her er linjen mod V o l d.", "Her er linjen mod VO\u200bLD."})
    void aRevealingWordHiddenByAccentsWidthCaseOrSeparatorsStillStopsStartup(String disguised) {
        var changed = new EnumMap<Language, Map<String, String>>(Language.class);
        for (Language language : Language.values()) {
            changed.put(language, texts.of(language));
        }
        var danish = new HashMap<>(changed.get(Language.DANISH));
        danish.put("smsHelp", disguised);
        changed.put(Language.DANISH, danish);

        assertThatThrownBy(() -> Discretion.check(new Texts(changed), revealing))
                .isInstanceOf(FlowException.class)
                .hasMessageContaining("texts.da.yaml").hasMessageContaining("smsHelp")
                .hasMessageNotContaining(disguised).hasMessageNotContaining("linjen");
    }
}
