package dk.hotline.twilio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook request the way Twilio does, without the SDK, so that the phone simulator and
 * tests send requests that a real Twilio would have sent, and {@link TwilioSignature} checks them:
 * HMAC-SHA1, keyed by the auth token, over the full URL followed by every form parameter's name
 * and value in name order, then base64.
 */
public final class TwilioSigner {

    private TwilioSigner() {
    }

    /** The {@code X-Twilio-Signature} header for a POST of {@code formParams} to {@code fullUrl}. */
    public static String sign(String authToken, String fullUrl, Map<String, String> formParams) {
        var data = new StringBuilder(fullUrl);
        new TreeMap<>(formParams).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
