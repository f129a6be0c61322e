package dk.hotline.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Makes a WireMock server answer like Twilio's REST API (2010-04-01) for creating messages and
 * calls, with the JSON bodies in {@code src/test/resources/twilio/}. Success answers get a fresh
 * sid per request and echo the account, {@code To} and {@code From} as Twilio does. A server made
 * {@link #withJournal} also remembers the texts it took and lists them as Twilio does.
 */
public final class TwilioStubs {
    /** Made-up credentials, shaped like real ones. */
    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";

    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    public static final String CALLS_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";

    private static final String ANY_MESSAGES = "/2010-04-01/Accounts/[^/]+/Messages\\.json";
    private static final String ANY_CALLS = "/2010-04-01/Accounts/[^/]+/Calls\\.json";
    private static final String ONE_FAILURE = "one failure first";

    private TwilioStubs() {
    }

    /** Texts to any number are accepted: 201, status {@code queued}, sid {@code SM…}. */
    public static void messageCreated(WireMockServer server) {
        server.stubFor(post(urlPathMatching(ANY_MESSAGES)).willReturn(json(201, "message-created.json")));
    }

    /** Texts to {@code number} (E.164) get {@code answer}, whatever else is stubbed. */
    public static void messageTo(WireMockServer server, String number, ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlPathMatching(ANY_MESSAGES))
                .withRequestBody(WireMock.containing("To=" + java.net.URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .atPriority(1).willReturn(answer));
    }

    /** Calls to any number are accepted: 201, status {@code queued}, sid {@code CA…}. */
    public static void callCreated(WireMockServer server) {
        server.stubFor(post(urlPathMatching(ANY_CALLS)).willReturn(json(201, "call-created.json")));
    }

    /** Texts are refused with {@code status} and the Twilio error JSON in {@code file}. */
    public static void messageFails(WireMockServer server, int status, String file) {
        server.stubFor(post(urlPathMatching(ANY_MESSAGES)).willReturn(json(status, file)));
    }

    /** Calls are refused with {@code status} and the Twilio error JSON in {@code file}. */
    public static void callFails(WireMockServer server, int status, String file) {
        server.stubFor(post(urlPathMatching(ANY_CALLS)).willReturn(json(status, file)));
    }

    /** 400, code 21610: the recipient texted STOP to our number. Permanent. */
    public static void messageUnsubscribed(WireMockServer server) {
        messageFails(server, 400, "error-21610.json");
    }

    /** 400, code 21211: not a valid 'To' number (Twilio's message repeats the number). Permanent. */
    public static void messageInvalidTo(WireMockServer server) {
        messageFails(server, 400, "error-21211.json");
    }

    /** 401, code 20003: our account SID or auth token is wrong. Not the message's fault. */
    public static void messageUnauthorized(WireMockServer server) {
        messageFails(server, 401, "error-20003.json");
    }

    /** 429, code 20429: too many requests. Worth retrying later. */
    public static void messageRateLimited(WireMockServer server) {
        messageFails(server, 429, "error-20429.json");
    }

    /** 500, code 20500. Worth retrying later. */
    public static void messageServerError(WireMockServer server) {
        messageFails(server, 500, "error-20500.json");
    }

    /** The connection is reset before any answer. */
    public static void messageConnectionReset(WireMockServer server) {
        server.stubFor(post(urlPathMatching(ANY_MESSAGES))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** The first text is refused with {@code status} and {@code file}; later ones are accepted. */
    public static void messageFailsOnceThenCreated(WireMockServer server, int status, String file) {
        server.stubFor(post(urlPathMatching(ANY_MESSAGES))
                .inScenario(ONE_FAILURE).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(status, file))
                .willSetStateTo("failed once"));
        server.stubFor(post(urlPathMatching(ANY_MESSAGES))
                .inScenario(ONE_FAILURE).whenScenarioStateIs("failed once")
                .willReturn(json(201, "message-created.json")));
    }

    /**
     * A WireMock server playing Twilio whose texts are kept by {@code journal}, for the stubs below
     * that use it. The journal dates texts by {@code journal}'s clock.
     */
    public static WireMockServer withJournal(MessageJournal journal) {
        return new WireMockServer(options().dynamicPort().extensions(journal));
    }

    /**
     * Texts are accepted and kept by the server's {@link MessageJournal}, and Twilio's list of
     * messages answers from it. Only for a server made by {@link #withJournal}.
     */
    public static void messagesInJournal(WireMockServer server) {
        server.stubFor(post(urlPathMatching(ANY_MESSAGES)).willReturn(aResponse().withTransformers(MessageJournal.NAME)));
        messageListFromJournal(server);
    }

    /**
     * As {@link #messagesInJournal}, but once a text is read and kept the connection is reset:
     * Twilio has the text, and the sender never hears so.
     */
    public static void messagesInJournalWithoutAnswer(WireMockServer server) {
        server.stubFor(post(urlPathMatching(ANY_MESSAGES)).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER).withTransformers(MessageJournal.NAME)));
        messageListFromJournal(server);
    }

    /** Twilio's list of messages answers from the server's {@link MessageJournal}. */
    public static void messageListFromJournal(WireMockServer server) {
        server.stubFor(get(urlPathMatching(ANY_MESSAGES)).willReturn(aResponse().withTransformers(MessageJournal.NAME)));
    }

    /** Twilio's list of messages answers {@code status} with the Twilio error JSON in {@code file}. */
    public static void messageListFails(WireMockServer server, int status, String file) {
        server.stubFor(get(urlPathMatching(ANY_MESSAGES)).willReturn(json(status, file)));
    }

    /** Twilio's list of calls answers with {@code file}, a list in Twilio's shape. */
    public static void callList(WireMockServer server, String file) {
        server.stubFor(get(urlPathMatching(ANY_CALLS)).willReturn(json(200, file)));
    }

    /** How many lists of messages or calls the server was asked for. */
    public static int listCount(WireMockServer server) {
        return server.findAll(WireMock.getRequestedFor(WireMock.anyUrl())).size();
    }

    /** A JSON answer from {@code src/test/resources/twilio/}, with response templating switched on. */
    public static ResponseDefinitionBuilder json(int status, String file) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(resource(file))
                .withTransformers("response-template");
    }

    /** The text of {@code src/test/resources/twilio/<file>}. */
    public static String resource(String file) {
        try (InputStream in = TwilioStubs.class.getResourceAsStream("/twilio/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource twilio/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many requests the server got, of any kind: the SDK must not repeat one by itself. */
    public static int requestCount(WireMockServer server) {
        return server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl())).size();
    }
}
