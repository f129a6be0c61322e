package dk.hotline.twilio;

import com.twilio.security.RequestValidator;
import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature}: Twilio signs each webhook with the account's auth token over
 * the URL it called plus the sorted form parameters. A request that fails this did not come from
 * Twilio and must change nothing.
 */
public final class TwilioSignature {
    private final RequestValidator validator;

    public TwilioSignature(String authToken) {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("an auth token is needed to check Twilio signatures");
        }
        this.validator = new RequestValidator(authToken);
    }

    /**
     * @param fullUrl the public URL Twilio called, with query string (not the URL behind a proxy)
     * @param formParams the POSTed form parameters; empty for a GET
     */
    public boolean isValid(String fullUrl, Map<String, String> formParams, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank() || fullUrl == null) {
            return false;
        }
        return validator.validate(fullUrl, formParams == null ? Map.of() : formParams, signatureHeader);
    }
}
