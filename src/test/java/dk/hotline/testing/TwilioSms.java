package dk.hotline.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.twilio.Webhook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Texts in and out as Twilio sees them: signed inbound webhooks, and what WireMock was asked to send. */
public final class TwilioSms {
    private static final AtomicLong SIDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final TestService service;
    private final WireMockServer twilio;

    public TwilioSms(TestService service, WireMockServer twilio) {
        this.service = service;
        this.twilio = twilio;
    }

    /** A text arrives at the hotline; returns its MessageSid. */
    public String receive(String from, String body) {
        return receive(newSid(), from, body, 0);
    }

    public String receive(String sid, String from, String body, int media) {
        var form = form(sid, from, body, media);
        var response = service.twilio(Webhook.SMS.path(), form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Twiml.parse(response.body()).count("/Response/*")).as("replies go through the outbox").isZero();
        return sid;
    }

    /** Every text sent through Twilio so far, as its form fields (To, From, Body, …). */
    public List<Map<String, String>> sent() {
        return twilio.findAll(postRequestedFor(urlEqualTo(dk.hotline.twilio.TwilioStubs.MESSAGES_PATH))).stream()
                .map(r -> FormBody.parse(r.getBodyAsString())).toList();
    }

    /** The bodies sent to one number, in order. */
    public List<String> sentTo(String number) {
        return sent().stream().filter(m -> number.equals(m.get("To"))).map(m -> m.get("Body")).toList();
    }

    public static String newSid() {
        return String.format("SM%032x", SIDS.incrementAndGet());
    }

    /** The form Twilio posts for a text to the hotline's number. */
    public static Map<String, String> form(String sid, String from, String body, int media) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", TestConfig.ACCOUNT_SID);
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("From", from);
        form.put("To", TestConfig.HOTLINE_NUMBER);
        form.put("Body", body);
        form.put("NumMedia", String.valueOf(media));
        return form;
    }
}
