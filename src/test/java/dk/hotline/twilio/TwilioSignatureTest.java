package dk.hotline.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
    private static final String TOKEN = TwilioStubs.AUTH_TOKEN;
    private static final String URL = "https://hotline.example.dk/twilio/sms";
    private static final Map<String, String> FORM = Map.of(
            "MessageSid", "SM0123456789abcdef0123456789abcdef",
            "AccountSid", TwilioStubs.ACCOUNT_SID,
            "From", "+4520123456",
            "To", "+4570203040",
            "Body", "STOP");

    private final TwilioSignature signature = new TwilioSignature(TOKEN);

    @Test
    void acceptsWhatTwilioSigns() {
        String header = TwilioSigner.sign(TOKEN, URL, FORM);

        assertThat(signature.isValid(URL, FORM, header)).isTrue();
    }

    @Test
    void acceptsASignedUrlWithQueryString() {
        String url = URL.replace("/sms", "/voice/menu?step=2&lang=da");
        String header = TwilioSigner.sign(TOKEN, url, Map.of("Digits", "1"));

        assertThat(signature.isValid(url, Map.of("Digits", "1"), header)).isTrue();
    }

    @Test
    void rejectsAChangedParameter() {
        String header = TwilioSigner.sign(TOKEN, URL, FORM);
        var changed = new HashMap<>(FORM);
        changed.put("Body", "START");

        assertThat(signature.isValid(URL, changed, header)).isFalse();
    }

    @Test
    void rejectsAnAddedParameter() {
        String header = TwilioSigner.sign(TOKEN, URL, FORM);
        var added = new HashMap<>(FORM);
        added.put("NumMedia", "0");

        assertThat(signature.isValid(URL, added, header)).isFalse();
    }

    @Test
    void rejectsAChangedUrl() {
        String header = TwilioSigner.sign(TOKEN, URL, FORM);

        assertThat(signature.isValid("https://hotline.example.dk/twilio/voice", FORM, header)).isFalse();
    }

    @Test
    void rejectsAMissingOrBlankHeader() {
        assertThat(signature.isValid(URL, FORM, null)).isFalse();
        assertThat(signature.isValid(URL, FORM, "")).isFalse();
        assertThat(signature.isValid(URL, FORM, "  ")).isFalse();
    }

    @Test
    void rejectsASignatureMadeWithAnotherToken() {
        String header = TwilioSigner.sign("another-token", URL, FORM);

        assertThat(signature.isValid(URL, FORM, header)).isFalse();
    }
}
