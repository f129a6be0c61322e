package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Number;
import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.routing.Offer;
import dk.hotline.twilio.Webhook;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route step's answer: "connecting you" (on the first try), then ring these phones. Written
 * from a template the Twilio SDK rendered once per language, not by the SDK on every call: its
 * XML writer makes a new parser and transformer each time, which cost more CPU than the rest of
 * the webhook's Java. The placeholders are plain words the SDK writes unchanged; the values put in
 * their place are escaped as the SDK escapes them, so the answer is the SDK's, byte for byte.
 */
final class RingTwiml {
    private static final String ACTION = "hotlineDialAction";
    private static final String NUMBER = "hotlineNumber";
    private static final String URL = "hotlineScreenUrl";

    private final Speech speech;
    private final int ringSeconds;
    private final Optional<PhoneNumber> callerId;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    RingTwiml(Speech speech, int ringSeconds, Optional<PhoneNumber> callerId) {
        this.speech = speech;
        this.ringSeconds = ringSeconds;
        this.callerId = callerId;
    }

    /** The answer that rings {@code offers} with {@code action} as the Dial's end; "connecting" first when {@code first}. */
    String ring(Language language, boolean first, String action, List<Offer> offers) {
        var template = templates.computeIfAbsent(language.code() + first, key -> template(language, first));
        var xml = new StringBuilder(template.head.replace(ACTION, escape(action)));
        for (Offer offer : offers) {
            xml.append(template.number.replace(URL, escape(Webhook.SCREEN.url(offer.id())))
                    .replace(NUMBER, escape(offer.phone().e164())));
        }
        return xml.append(template.tail).toString();
    }

    private Template template(Language language, boolean first) {
        var dial = new Dial.Builder().timeout(ringSeconds).action(ACTION);
        callerId.ifPresent(n -> dial.callerId(n.e164()));
        dial.number(new Number.Builder(NUMBER).url(URL).build());
        var response = new VoiceResponse.Builder();
        if (first) {
            response.say(speech.say(language, Text.CONNECTING));
        }
        String xml = response.dial(dial.build()).build().toXml();
        int start = xml.indexOf("<Number ");
        int end = xml.indexOf("</Number>") + "</Number>".length();
        if (start < 0 || end < start || xml.indexOf(ACTION) > start) {
            throw new IllegalStateException("unexpected TwiML from the SDK for a Dial");
        }
        return new Template(xml.substring(0, start), xml.substring(start, end), xml.substring(end));
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private record Template(String head, String number, String tail) {}
}
