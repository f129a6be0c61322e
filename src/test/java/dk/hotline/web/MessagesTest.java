package dk.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.common.Language;
import org.junit.jupiter.api.Test;

/** The console says everything in both languages. */
class MessagesTest {
    @Test
    void danishAndEnglishHaveTheSameTexts() {
        assertThat(Messages.keys(Language.ENGLISH)).isEqualTo(Messages.keys(Language.DANISH));
    }

    @Test
    void placeholdersAreFilledInTheReadersLanguage() {
        assertThat(Messages.in(Language.DANISH).get("today.queued", 2)).isEqualTo("I kø: 2");
        assertThat(Messages.in(Language.ENGLISH).get("today.queued", 2)).isEqualTo("In the queue: 2");
    }
}
