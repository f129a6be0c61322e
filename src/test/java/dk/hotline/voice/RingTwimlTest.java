package dk.hotline.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Number;
import dk.hotline.common.Language;
import dk.hotline.flows.FlowLoader;
import dk.hotline.flows.Text;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.routing.Offer;
import dk.hotline.testing.Twiml;
import dk.hotline.twilio.Webhook;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The route step's answer from its template is what the Twilio SDK writes for the same call, byte for byte. */
class RingTwimlTest {
    private final Speech speech = new Speech(FlowLoader.load(Path.of("flows")));
    private final Optional<PhoneNumber> hotline = Optional.of(PhoneNumber.parse("+4570000001"));

    private final Offer anna = new Offer(17, 1, "Anna", PhoneNumber.parse("+4520000001"));
    private final Offer bo = new Offer(18, 2, "Bo", PhoneNumber.parse("+4520000002"));
    private final Offer ida = new Offer(19, 3, "Ida", PhoneNumber.parse("+447700900123"));

    @Test
    void everyLanguageFirstTryOrNotOneOrSeveralPhonesWithOrWithoutCallerIdMatchesTheSdk() {
        for (var callerId : List.of(hotline, Optional.<PhoneNumber>empty())) {
            var ring = new RingTwiml(speech, 25, callerId);
            for (Language language : Language.values()) {
                for (boolean first : new boolean[] {true, false}) {
                    for (var offers : List.of(List.of(anna), List.of(anna, bo, ida))) {
                        // A step id that needs escaping twice: in the URL, and as XML.
                        String action = Webhook.DIALED.url("route-\"&<da>", offers.get(0).id());
                        assertThat(ring.ring(language, first, action, offers))
                                .isEqualTo(bySdk(language, first, action, offers, callerId, 25));
                    }
                }
            }
        }
    }

    @Test
    void ringsEachPhoneScreenedWithItsOfferAndTheHotlineAsCallerId() {
        var twiml = Twiml.parse(new RingTwiml(speech, 20, hotline).ring(Language.DANISH, true, "/twilio/voice/dialed?step=route-da&n=17",
                List.of(anna, bo)));

        assertThat(twiml.count("/Response/Say")).isEqualTo(1);
        assertThat(twiml.count("/Response/Dial/Number")).isEqualTo(2);
        assertThat(twiml.text("/Response/Dial/Number[2]")).isEqualTo("+4520000002");
        assertThat(twiml.text("/Response/Dial/Number[2]/@url")).isEqualTo(Webhook.SCREEN.url(18));
        assertThat(twiml.text("/Response/Dial/@action")).isEqualTo("/twilio/voice/dialed?step=route-da&n=17");
        assertThat(twiml.text("/Response/Dial/@callerId")).isEqualTo("+4570000001");
        assertThat(twiml.text("/Response/Dial/@timeout")).isEqualTo("20");
    }

    private String bySdk(Language language, boolean first, String action, List<Offer> offers, Optional<PhoneNumber> callerId,
                         int seconds) {
        var dial = new Dial.Builder().timeout(seconds).action(action);
        callerId.ifPresent(n -> dial.callerId(n.e164()));
        offers.forEach(o -> dial.number(new Number.Builder(o.phone().e164()).url(Webhook.SCREEN.url(o.id())).build()));
        var response = new VoiceResponse.Builder();
        if (first) {
            response.say(speech.say(language, Text.CONNECTING));
        }
        return response.dial(dial.build()).build().toXml();
    }
}
