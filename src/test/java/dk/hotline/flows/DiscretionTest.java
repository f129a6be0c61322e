package dk.hotline.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.hotline.app.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscretionTest {
    private final List<String> revealing = ConfigLoader.load(Map.of()).revealingWords();
    private final Texts texts = FlowLoader.load(Path.of("flows")).texts();

    @Test
    void noDefaultTextASurvivorCanReceiveHoldsARevealingWord() {
        assertThat(revealing).contains("vold", "violence", "krise", "overgreb", "misbrug", "abuse");
        for (String language : List.of("da", "en")) {
            for (String key : Discretion.SURVIVOR_SMS) {
                String rendered = texts.get(language, key).replace("{next}", " den 1. december klokken 17.00").toLowerCase();
                assertThat(revealing).as(language + "." + key + ": " + rendered).noneMatch(rendered::contains);
            }
        }
    }

    @Test
    void aRevealingWordInASurvivorTextStopsStartup() {
        var changed = new HashMap<>(texts.byLanguage());
        var danish = new HashMap<>(changed.get("da"));
        danish.put("smsHelp", "Her er linjen for ofre for vold.");
        changed.put("da", danish);

        assertThatThrownBy(() -> Discretion.check(new Texts(changed), revealing))
                .isInstanceOf(FlowException.class)
                .hasMessageContaining("texts.da.yaml").hasMessageContaining("smsHelp").hasMessageContaining("'vold'");
    }
}
