package dk.hotline.simulator;

import dk.hotline.twilio.TwilioSigner;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Posts a webhook to this service the way Twilio does: a form POST to the path, signed with the
 * auth token over the public URL (what the signature filter checks), and remembers each request
 * and answer in the {@link Timeline}. It goes over HTTP to the service's own port, so every filter
 * and handler a real webhook meets is met.
 */
final class WebhookClient {
    /** Twilio gives up on a webhook after 15 s; so does the simulator. */
    private static final Duration TWILIO_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String authToken;
    private final URI publicUrl;
    private final IntSupplier port;
    private final Timeline timeline;

    WebhookClient(String authToken, URI publicUrl, IntSupplier port, Timeline timeline) {
        this.authToken = authToken;
        this.publicUrl = publicUrl;
        this.port = port;
        this.timeline = timeline;
    }

    /** The answer's body, or empty on a status other than 2xx (the timeline shows which). */
    Answer post(String pathAndQuery, Map<String, String> form) {
        String signature = TwilioSigner.sign(authToken, publicUrl + pathAndQuery, form);
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + pathAndQuery))
                .timeout(TWILIO_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .header("User-Agent", "TwilioProxy/1.1 (hotline simulator)")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        Answer answer;
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            answer = new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            answer = new Answer(0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(0, "");
        }
        timeline.add(pathAndQuery, form, answer, (System.nanoTime() - started) / 1_000_000);
        return answer;
    }

    /** @param status the HTTP status, 0 when no answer came */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
