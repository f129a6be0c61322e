package dk.hotline.privacy;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.testing.Await;
import dk.hotline.testing.LogCapture;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.twilio.TwilioStubs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dk.hotline.twilio.Webhook;

/**
 * A caller's, a texter's and a leader's numbers go through the whole service (webhooks, API,
 * outbox, Twilio, status callbacks, a failure), and then appear neither in any log event nor in
 * any table of the database.
 */
class NoNumberInClearTest {
    private static final String CALLER = "+4521436587";
    private static final String TEXTER = "+4531425364";
    private static final String LEADER = "+4541526374";
    private static final String REFUSED = "+4551627384";

    @Test
    void numbersAppearInNoLogLineAndNoTableAfterAFullRoundTrip() {
        var twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        try (var logs = new LogCapture(); var service = TestService.start(twilio.baseUrl())) {
            TwilioStubs.messageCreated(twilio);

            // A call comes in, rings, ends.
            var call = TestService.incomingCall("CA10000000000000000000000000000001", CALLER);
            assertThat(service.twilio(Webhook.VOICE.path(), call).statusCode()).isEqualTo(200);
            var status = new java.util.HashMap<>(call);
            status.put("CallStatus", "completed");
            status.put("CallDuration", "42");
            assertThat(service.twilio(Webhook.VOICE_STATUS.path(), status).statusCode()).isEqualTo(204);
            // A call with a bad signature is refused (its parameters hold the number too).
            assertThat(service.postForm(Webhook.VOICE.path(), call, Map.of("X-Twilio-Signature", "forged")).statusCode()).isEqualTo(403);

            // A coordinator adds a leader, reads them back (masked and revealed), and gets a 409.
            String bearer = service.bearer();
            assertThat(service.api("POST", "/api/leaders", bearer, "{\"name\":\"Maja\",\"phone\":\"" + LEADER + "\"}").statusCode()).isEqualTo(201);
            assertThat(service.api("POST", "/api/leaders", bearer, "{\"name\":\"Maja 2\",\"phone\":\"" + LEADER + "\"}").statusCode()).isEqualTo(409);
            assertThat(service.api("GET", "/api/leaders?reveal=true", bearer, null).statusCode()).isEqualTo(200);
            assertThat(service.api("POST", "/api/leaders", bearer, "{\"name\":\"X\",\"phone\":\"" + LEADER + "99999\"}").statusCode()).isEqualTo(400);

            // A text goes out through Twilio, its delivery is reported; another is refused by Twilio.
            var key = EncryptionKey.fromBase64(TestConfig.ENCRYPTION_KEY);
            var outbox = new Outbox(new PersonalDataCipher(key), new BlindIndex(key), Clock.systemUTC());
            long sent = service.jdbi().inTransaction(tx ->
                    outbox.sms(tx, MessageKind.RELAY_OUT, "round-trip:1", PhoneNumber.parse(TEXTER), "Hej", Clock.systemUTC().instant()).orElseThrow());
            Await.until("the text is sent", Await.SOON, () -> "sent".equals(column(service, sent, "status")));
            assertThat(service.twilio(Webhook.SMS_STATUS.url(sent), Map.of("MessageSid", column(service, sent, "twilio_sid"),
                    "MessageStatus", "delivered", "To", TEXTER, "From", TestConfig.HOTLINE_NUMBER)).statusCode()).isEqualTo(204);
            twilio.resetAll();
            TwilioStubs.messageInvalidTo(twilio);
            long refused = service.jdbi().inTransaction(tx ->
                    outbox.sms(tx, MessageKind.RELAY_OUT, "round-trip:2", PhoneNumber.parse(REFUSED), "Hej", Clock.systemUTC().instant()).orElseThrow());
            Await.until("the text is refused", Await.SOON, () -> "failed".equals(column(service, refused, "status")));

            var lines = logs.lines();
            assertThat(lines).as("the round trip was logged at all").hasSizeGreaterThan(10);
            for (String number : List.of(CALLER, TEXTER, LEADER, REFUSED)) {
                for (String form : forms(number)) {
                    assertThat(lines).as("log lines holding " + form).noneMatch(l -> l.contains(form));
                    assertThat(dump(service)).as("database rows holding " + form).noneMatch(r -> r.contains(form));
                }
            }
        } finally {
            twilio.stop();
        }
    }

    /** E.164, national, and grouped: every way a number might be written out. */
    private static List<String> forms(String e164) {
        String national = e164.substring(3);
        return List.of(e164, national, national.replaceAll("(\\d\\d)(?=\\d)", "$1 "));
    }

    /** Every row of every table, as text (bytea comes out as hex). */
    private static List<String> dump(TestService service) {
        return service.jdbi().withHandle(h -> {
            var rows = new ArrayList<String>();
            for (String table : h.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").mapTo(String.class).list()) {
                rows.addAll(h.createQuery("SELECT t::text FROM \"" + table + "\" t").mapTo(String.class).list());
            }
            return rows;
        });
    }

    private static String column(TestService service, long id, String column) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT " + column + " FROM outbox WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }
}
