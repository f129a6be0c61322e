package dk.hotline.web;

import dk.hotline.twilio.TwilioSignature;
import dk.hotline.twilio.WebhookParams;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before every {@code /twilio/*} handler and stops a request whose {@code X-Twilio-Signature}
 * is not valid. The URL checked is the public one Twilio called ({@code HOTLINE_PUBLIC_URL} plus
 * path and query), never the one this process sees, so it holds behind a TLS-terminating proxy.
 */
final class TwilioSignatureFilter implements Handler {
    private static final Logger log = LoggerFactory.getLogger(TwilioSignatureFilter.class);

    private final TwilioSignature signature;
    private final URI publicUrl;

    TwilioSignatureFilter(TwilioSignature signature, URI publicUrl) {
        this.signature = signature;
        this.publicUrl = publicUrl;
    }

    @Override
    public void handle(Context ctx) {
        String query = ctx.queryString();
        String url = publicUrl + ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        if (!signature.isValid(url, WebhookParams.of(ctx.formParamMap()).asMap(), ctx.header("X-Twilio-Signature"))) {
            log.warn("event=twilio.bad_signature path={} signed={}", ctx.path(), ctx.header("X-Twilio-Signature") != null);
            throw new ForbiddenResponse("invalid Twilio signature");
        }
    }
}
