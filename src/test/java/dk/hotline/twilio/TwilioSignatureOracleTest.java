package dk.hotline.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TwilioSignature} is our own code for a security check, so it is held to the SDK's
 * {@link RequestValidator}: for any URL (with or without a port, odd characters in path and
 * query, not a URI at all), any form and any header, both give the same answer.
 */
class TwilioSignatureOracleTest {
    private static final String TOKEN = TwilioStubs.AUTH_TOKEN;
    private static final RequestValidator SDK = new RequestValidator(TOKEN);
    private static final TwilioSignature OURS = new TwilioSignature(TOKEN);

    record Request(String url, Map<String, String> form, String header) {}

    @Property(tries = 2000)
    void acceptsExactlyWhatTheSdkAccepts(@ForAll("requests") Request request) {
        boolean sdk = SDK.validate(request.url(), request.form(), request.header());

        assertThat(OURS.isValid(request.url(), request.form(), request.header())).isEqualTo(sdk);
    }

    @Property(tries = 300)
    void acceptsAWebhookSignedOverEitherFormOfItsUrl(@ForAll("hosts") String host, @ForAll("wellFormedPaths") String path) {
        String withoutPort = "https://" + host + path;
        String withPort = "https://" + host + ":443" + path;
        Map<String, String> form = Map.of("CallSid", "CA0123", "Digits", "1");

        assertThat(OURS.isValid(withoutPort, form, TwilioSigner.sign(TOKEN, withPort, form))).isTrue();
        assertThat(OURS.isValid(withPort, form, TwilioSigner.sign(TOKEN, withoutPort, form))).isTrue();
        assertThat(OURS.isValid(withoutPort, form, TwilioSigner.sign(TOKEN, "https://" + host + ":8443" + path, form)))
                .isFalse();
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> schemes = Arbitraries.of("https", "http", "HTTPS", "ftp");
        Arbitrary<String> ports = Arbitraries.of("", ":80", ":443", ":8080", ":");
        Arbitrary<String> oddUrls = Arbitraries.of("not a url", "https://exa mple.dk/x", "mailto:someone@example.dk",
                "/twilio/voice", "https://[::1]/twilio/voice", "https://user@hotline.example.dk:443/x", "");
        Arbitrary<Map<String, String>> forms = Arbitraries.maps(
                        Arbitraries.of("CallSid", "From", "Digits", "Body", "To", "a", "B", "ä"),
                        Arbitraries.strings().ofMaxLength(12))
                .ofMaxSize(5);
        // The URL called, and the one signed: the same but perhaps for its port, or another altogether.
        Arbitrary<String[]> urls = Combinators.combine(schemes, hosts(), ports, ports, paths(), oddUrls)
                .as((scheme, host, port, signedPort, path, odd) ->
                        new String[] {scheme + "://" + host + port + path, scheme + "://" + host + signedPort + path, odd});
        return Combinators.combine(urls, forms, Arbitraries.integers().between(0, 5))
                .as((u, form, how) -> {
                    String called = how == 5 ? u[2] : u[0];
                    return new Request(called, form, switch (how) {
                        case 0, 5 -> TwilioSigner.sign(TOKEN, called, form);
                        case 1 -> TwilioSigner.sign(TOKEN, u[1], form);
                        case 2 -> TwilioSigner.sign(TOKEN, u[2], form);
                        case 3 -> TwilioSigner.sign("another-token", called, form);
                        default -> "AAAAAAAAAAAAAAAAAAAAAAAAAAA=";
                    });
                });
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of("hotline.example.dk", "localhost", "127.0.0.1", "xn--tlomvold-x2a.dk");
    }

    /** As Twilio sends them: escaped, so that the URL is a URI. */
    @Provide
    Arbitrary<String> wellFormedPaths() {
        return Arbitraries.of("", "/", "/twilio/voice", "/twilio/voice/menu?step=main&attempt=1", "/a%20b?q=1",
                "/twilio/voice/dialed?step=route&attempt=12#x");
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> path = Arbitraries.of("", "/", "/twilio/voice", "/twilio/voice/menu", "/twilio/sms", "/a b", "/%2B45",
                "/æøå");
        // The last one too long for its forms to be kept.
        Arbitrary<String> query = Arbitraries.of("", "?step=main&attempt=1", "?a=%20b", "?x=æ&y= z", "?q=1#frag", "#f",
                "?long=" + "a".repeat(600));
        return Combinators.combine(path, query).as(String::concat);
    }
}
