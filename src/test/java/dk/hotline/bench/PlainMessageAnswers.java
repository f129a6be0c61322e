package dk.hotline.bench;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Twilio's answer to a text sent, for the benchmark's WireMock: what the tests' template
 * {@code twilio/message-created.json} answers (a new sid, the text's To and From), written by plain
 * Java. WireMock's Handlebars rendering of that template took most of the CPU WireMock used, on the
 * two cores it shares with the service, so the outbox phases measured the stub as much as the service.
 *
 * <p>It also keeps what each text's request said and when it came, which is all the phases read
 * of WireMock's request journal: the journal (off in the benchmark) copies every request twice.
 */
final class PlainMessageAnswers implements ResponseDefinitionTransformerV2 {
    static final String NAME = "bench-plain-message-answers";

    /** A text as "Twilio" got it: the form body, and when. */
    record Sent(String body, Instant at) {}

    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();

    /** The texts received since the last {@link #forget}, in the order they came. */
    List<Sent> sent() {
        return List.copyOf(sent);
    }

    void forget() {
        sent.clear();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        sent.add(new Sent(request.getBodyAsString(), Instant.now()));
        String account = request.getUrl().split("/")[3];
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        String uri = "/2010-04-01/Accounts/" + account + "/Messages/" + sid;
        String body = """
                {"sid": "%s", "account_sid": "%s", "api_version": "2010-04-01", "body": "(the body Twilio was sent)",
                 "date_created": "Thu, 24 Aug 2023 05:01:45 +0000", "date_sent": null,
                 "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000", "direction": "outbound-api", "error_code": null,
                 "error_message": null, "from": "%s", "messaging_service_sid": null, "num_media": "0",
                 "num_segments": "1", "price": null, "price_unit": "USD", "status": "queued",
                 "subresource_uris": {"media": "%s/Media.json"}, "to": "%s", "uri": "%s.json"}"""
                .formatted(sid, account, form(request, "From"), uri, form(request, "To"), uri);
        return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                .withStatus(201)
                .withHeaders(new HttpHeaders(new HttpHeader("Content-Type", "application/json; charset=utf-8")))
                .withBody(body)
                .build();
    }

    /** A form field's value; numbers and sender ids hold no character JSON would need escaped. */
    private static String form(LoggedRequest request, String name) {
        FormParameter parameter = request.formParameter(name);
        return parameter == null || !parameter.isPresent() ? "" : parameter.firstValue();
    }
}
