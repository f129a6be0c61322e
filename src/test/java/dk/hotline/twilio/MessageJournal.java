package dk.hotline.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A WireMock extension that remembers texts as Twilio does: each text POSTed to Messages.json
 * through a stub that names this extension is kept and answered with a sid of its own, and a GET of
 * Messages.json ({@code To}, {@code From}, {@code PageSize}) answers with the texts kept, newest
 * first, in the shape of Twilio's list (RFC 2822 dates, paging fields). A stub answering with a
 * fault or a delay still keeps the text, as Twilio keeps a text whose answer got lost; a stubbed
 * error keeps none.
 *
 * <p>Register an instance when building the server ({@code options().extensions(journal)}) and opt
 * stubs in through {@link TwilioStubs#messagesInJournal}. {@code date_created} comes from the clock
 * given, so it agrees with the service's test clock.
 */
public final class MessageJournal implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "twilio-message-journal";

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Twilio's page size when a list request names none. */
    private static final int DEFAULT_PAGE_SIZE = 50;

    private record Text(String sid, String account, String to, String from, String body, Instant created) {}

    private final Clock clock;
    private final Deque<Text> texts = new ConcurrentLinkedDeque<>();

    public MessageJournal(Clock clock) {
        this.clock = clock;
    }

    /** The sids of the texts kept, newest first. */
    public List<String> sids() {
        return texts.stream().map(Text::sid).toList();
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
        ResponseDefinition stubbed = event.getResponseDefinition();
        String account = request.getUrl().split("/")[3];
        if (request.getMethod().equals(RequestMethod.GET)) {
            return answer(stubbed, 200, list(request, account));
        }
        if (stubbed.getFault() == null && stubbed.getStatus() >= 300) {
            return stubbed;
        }
        var text = new Text("SM" + UUID.randomUUID().toString().replace("-", ""), account,
                request.formParameter("To").firstValue(), request.formParameter("From").firstValue(),
                request.formParameter("Body").firstValue(), clock.instant());
        texts.addFirst(text);
        return answer(stubbed, 201, message(text));
    }

    private Map<String, Object> list(LoggedRequest request, String account) {
        String to = query(request, "To");
        String from = query(request, "From");
        String pageSize = query(request, "PageSize");
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(pageSize);
        List<Map<String, Object>> page = texts.stream()
                .filter(t -> t.account().equals(account) && (to == null || t.to().equals(to))
                        && (from == null || t.from().equals(from)))
                .limit(size)
                .map(MessageJournal::message)
                .toList();
        var list = new LinkedHashMap<String, Object>();
        list.put("end", Math.max(page.size() - 1, 0));
        list.put("first_page_uri", request.getUrl());
        list.put("messages", page);
        list.put("next_page_uri", null);
        list.put("page", 0);
        list.put("page_size", size);
        list.put("previous_page_uri", null);
        list.put("start", 0);
        list.put("uri", request.getUrl());
        return list;
    }

    /** A Message resource as Twilio's OpenAPI describes it, for a text just queued. */
    private static Map<String, Object> message(Text text) {
        String uri = "/2010-04-01/Accounts/" + text.account() + "/Messages/" + text.sid();
        String created = RFC_2822.format(text.created());
        var message = new LinkedHashMap<String, Object>();
        message.put("account_sid", text.account());
        message.put("api_version", "2010-04-01");
        message.put("body", text.body());
        message.put("date_created", created);
        message.put("date_sent", null);
        message.put("date_updated", created);
        message.put("direction", "outbound-api");
        message.put("error_code", null);
        message.put("error_message", null);
        message.put("from", text.from());
        message.put("messaging_service_sid", null);
        message.put("num_media", "0");
        message.put("num_segments", "1");
        message.put("price", null);
        message.put("price_unit", "USD");
        message.put("sid", text.sid());
        message.put("status", "queued");
        message.put("subresource_uris", Map.of("media", uri + "/Media.json"));
        message.put("to", text.to());
        message.put("uri", uri + ".json");
        return message;
    }

    /** The stub's answer with our status and body; its fault or delay, if it has one, still applies. */
    private static ResponseDefinition answer(ResponseDefinition stubbed, int status, Map<String, Object> body) {
        try {
            return ResponseDefinitionBuilder.like(stubbed)
                    .withStatus(status)
                    .withHeaders(new HttpHeaders(new HttpHeader("Content-Type", "application/json; charset=utf-8")))
                    .withBody(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String query(LoggedRequest request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() ? parameter.firstValue() : null;
    }
}
