package dk.hotline.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.flows.FlowLoader;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.Twiml;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import dk.hotline.twilio.Webhook;

/** The voice fallback URL's answer, built without any database. */
class FallbackAnswerTest {
    private final Speech speech = new Speech(FlowLoader.load(Path.of("flows")));

    @Test
    void backupNumberIsRungScreenedWithTheHotlineAsCallerIdAndTheCallEndsWith112() {
        var answer = new FallbackAnswer(speech, Optional.of(PhoneNumber.parse("+4533000000")), Optional.of(PhoneNumber.parse("+4570000001")));

        var twiml = Twiml.parse(answer.xml());

        assertThat(twiml.text("/Response/Dial/Number")).isEqualTo("+4533000000");
        assertThat(twiml.text("/Response/Dial/@callerId")).isEqualTo("+4570000001");
        assertThat(twiml.text("/Response/Dial/Number/@url")).isEqualTo(Webhook.BACKUP_SCREEN.url());
        assertThat(twiml.text("/Response/Say[last()]")).contains("1 1 2");
        assertThat(twiml.count("/Response/Hangup")).isEqualTo(1);
    }

    @Test
    void backupsVoicemailNeverTakesTheCall() {
        var answer = new FallbackAnswer(speech, Optional.of(PhoneNumber.parse("+4533000000")), Optional.empty());

        var screening = Twiml.parse(answer.screening());

        assertThat(screening.text("/Response/Gather/Say")).contains("Tryk 1");
        assertThat(screening.text("/Response/Gather/@action")).isEqualTo(Webhook.BACKUP_SCREEN_ANSWER.url());
        assertThat(screening.count("/Response/Hangup")).as("no key: the backup's leg ends").isEqualTo(1);
        assertThat(Twiml.parse(answer.screened("1")).count("/Response/*")).as("1 bridges").isZero();
        assertThat(Twiml.parse(answer.screened(null)).count("/Response/Hangup")).isEqualTo(1);
    }

    @Test
    void withoutABackupTheCallerHearsWhenToCallAgainAnd112() {
        var twiml = Twiml.parse(new FallbackAnswer(speech, Optional.empty(), Optional.empty()).xml());

        assertThat(twiml.count("/Response/Dial")).isZero();
        assertThat(twiml.text("/Response")).contains("ringe igen");
        assertThat(twiml.text("/Response/Say[last()]")).contains("1 1 2");
    }
}
