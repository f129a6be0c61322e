package dk.hotline.bench;

import com.twilio.security.RequestValidator;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The yardstick for the webhook figures: a bare Javalin endpoint, in its own JVM started with the
 * service's JVM flags, that does what every webhook must do and nothing else. It checks the
 * {@code X-Twilio-Signature} of any POST with the Twilio SDK's {@link RequestValidator} against
 * {@code HOTLINE_PUBLIC_URL} plus path and query (as the service does), and answers one constant
 * TwiML document, or 403. No database, no log line per request.
 *
 * <p>Environment: {@code PORT}, {@code HOTLINE_PUBLIC_URL}, {@code TWILIO_AUTH_TOKEN}.
 */
public final class BareEndpoint {
    static final String TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather action=\"/twilio/voice/menu\""
            + " numDigits=\"1\"><Say language=\"da-DK\">Tryk 1.</Say></Gather><Dial><Number>+4520000000</Number></Dial></Response>";

    private BareEndpoint() {}

    public static void main(String[] args) {
        String publicUrl = System.getenv("HOTLINE_PUBLIC_URL");
        var validator = new RequestValidator(System.getenv("TWILIO_AUTH_TOKEN"));
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/health", ctx -> ctx.result("ok"));
            config.routes.post("/*", ctx -> answer(ctx, validator, publicUrl));
        }).start(Integer.parseInt(System.getenv().getOrDefault("PORT", "8090")));
    }

    private static void answer(Context ctx, RequestValidator validator, String publicUrl) {
        String query = ctx.queryString();
        String url = publicUrl + ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        Map<String, String> form = new HashMap<>();
        ctx.formParamMap().forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0)));
        if (!validator.validate(url, form, ctx.header("X-Twilio-Signature"))) {
            ctx.status(403).result("invalid Twilio signature");
            return;
        }
        ctx.contentType("application/xml").result(TWIML);
    }
}
