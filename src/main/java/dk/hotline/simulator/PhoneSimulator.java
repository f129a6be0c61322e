package dk.hotline.simulator;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.DryRunTwilioGateway;
import dk.hotline.twilio.OutboundCall;
import dk.hotline.twilio.OutboundSms;
import dk.hotline.twilio.Webhook;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.w3c.dom.Element;

/**
 * Plays Twilio for a coordinator trying the hotline without a Twilio account: the caller's phone,
 * the leaders' phones and the texts. Each call is a set of {@link Leg}s running the TwiML the
 * service answers, verb by verb, with Twilio's timers (a key, a ring, the wait music); each step
 * is a signed webhook to the service's real paths ({@link WebhookClient}), and what the outbox
 * sends in dry-run arrives on the phone it was for ({@link DryRunTwilioGateway.Listener}). It never
 * calls a service directly: what it shows is what Twilio would see.
 *
 * <p>All state lives on one thread: actions from the page and timers are queued on it, so a leg
 * never changes under a webhook that is being answered for it.
 */
public final class PhoneSimulator implements DryRunTwilioGateway.Listener, AutoCloseable {
    private final SimulatorThread thread = new SimulatorThread();
    private final Timeline timeline;
    private final CallWebhooks webhooks;
    private final Phones phones;
    private final TwimlPlayer player;
    private final PhoneNumber hotline;
    private final Clock clock;

    /** A leader's phone as the simulator shows it. */
    public record LeaderPhone(long id, String name, PhoneNumber number) {}

    /**
     * @param authToken what webhooks are signed with: the service checks them with the same token
     * @param port the port the service listens on, known once it has started
     * @param leaders the leaders whose phones are shown, read when the page asks
     */
    public PhoneSimulator(String authToken, URI publicUrl, IntSupplier port, PhoneNumber hotline,
                          Supplier<List<LeaderPhone>> leaders, Clock clock) {
        this.timeline = new Timeline(clock);
        this.webhooks = new CallWebhooks(new WebhookClient(authToken, publicUrl, port, timeline), publicUrl);
        this.phones = new Phones(leaders, clock);
        this.player = new TwimlPlayer(phones, webhooks, thread, clock);
        this.hotline = hotline;
        this.clock = clock;
    }

    // ---- what the page asks for; each runs on the simulator's thread and answers when done

    SimulatorState state() {
        return thread.call(() -> SimulatorState.of(phones.all(), phones.legs(), player.queues(), timeline.newestFirst(), hotline,
                clock.instant()));
    }

    /** A survivor's phone, with a number or withholding it. */
    String addCaller(Optional<PhoneNumber> number) {
        return thread.call(() -> phones.addCaller(number).id);
    }

    /** The phone calls the hotline; if the service fails to answer, Twilio asks the voice fallback URL. */
    void call(String phoneId) {
        thread.run(() -> {
            var phone = phones.phone(phoneId);
            if (phones.active(phone).isPresent()) {
                throw refused("phone", "inCall", "this phone is already in a call");
            }
            var leg = phones.newLeg(phones.newSid("CA"), Leg.Kind.INBOUND, phone, phone.from(), hotline.e164(),
                    Optional.empty(), Optional.empty(), Optional.empty());
            leg.state = Leg.State.PLAYING;
            var first = webhooks.post(leg, Webhook.VOICE.url(), Map.of("CallStatus", "ringing"));
            if (first.isEmpty()) {
                first = webhooks.post(leg, Webhook.VOICE_FALLBACK.url(), Map.of("CallStatus", "ringing"));
            }
            first.ifPresentOrElse(verbs -> player.run(leg, verbs), () -> player.failed(leg));
        });
    }

    /** A key on the phone's keypad. */
    void press(String phoneId, String key) {
        if (!key.matches("[0-9*#]")) {
            throw refused("key", "key", "one of 0-9, * and #");
        }
        thread.run(() -> player.press(phones.activeOrRefuse(phones.phone(phoneId)), key));
    }

    /** The phone that is ringing picks up. */
    void answer(String phoneId) {
        thread.run(() -> player.answer(phones.ringing(phones.phone(phoneId))));
    }

    /** The phone that is ringing turns the call away. */
    void decline(String phoneId) {
        thread.run(() -> player.end(phones.ringing(phones.phone(phoneId)), "busy"));
    }

    /** The phone hangs up whatever call it is in. */
    void hangUp(String phoneId) {
        thread.run(() -> player.end(phones.activeOrRefuse(phones.phone(phoneId)), "completed"));
    }

    /** Twilio's timer for this phone's call runs out now: no key pressed, rung out, the wait music over. */
    void skip(String phoneId) {
        thread.run(() -> player.skip(phones.activeOrRefuse(phones.phone(phoneId))));
    }

    /** The phone texts the hotline's number; a {@code <Message>} in the answer comes back to it. */
    void text(String phoneId, String body) {
        if (body == null || body.isBlank()) {
            throw refused("body", "empty", "write something");
        }
        if (body.length() > OutboundSms.MAX_BODY_LENGTH) {
            throw refused("body", "tooLong", "at most " + OutboundSms.MAX_BODY_LENGTH + " characters");
        }
        thread.run(() -> {
            var phone = phones.phone(phoneId);
            if (phone.number.isEmpty()) {
                throw refused("body", "withheld", "a text always shows its number: this phone withholds it");
            }
            phones.keep(phone, new Phone.Text(true, body, clock.instant()));
            String sid = phones.newSid("SM");
            var form = new LinkedHashMap<String, String>();
            form.put("AccountSid", CallWebhooks.ACCOUNT_SID);
            form.put("ApiVersion", "2010-04-01");
            form.put("MessageSid", sid);
            form.put("SmsSid", sid);
            form.put("SmsMessageSid", sid);
            form.put("SmsStatus", "received");
            form.put("From", phone.from());
            form.put("To", hotline.e164());
            form.put("Body", body);
            form.put("NumMedia", "0");
            form.put("NumSegments", "1");
            for (Element message : webhooks.post(Webhook.SMS.url(), form)) {
                if ("Message".equals(message.getTagName())) {
                    phones.keep(phone, new Phone.Text(false, message.getTextContent().trim(), clock.instant()));
                }
            }
        });
    }

    /** Every call is hung up (so the service closes them too) and the phones and the timeline are cleared. */
    void reset() {
        thread.run(() -> {
            player.hangUpAll();
            phones.clear();
            timeline.clear();
        });
    }

    // ---- what the outbox sends in dry-run reaches the phone it was for

    @Override
    public void sms(OutboundSms sms, String sid) {
        thread.later(() -> {
            phones.keep(phones.phoneFor(sms.to().e164()), new Phone.Text(false, sms.body(), clock.instant()));
            Optional.ofNullable(sms.statusCallback()).flatMap(url -> webhooks.pathOf(url.toString())).ifPresent(path -> {
                var form = new LinkedHashMap<String, String>();
                form.put("AccountSid", CallWebhooks.ACCOUNT_SID);
                form.put("MessageSid", sid);
                form.put("SmsSid", sid);
                form.put("MessageStatus", "delivered");
                form.put("SmsStatus", "delivered");
                form.put("From", sms.from().e164());
                form.put("To", sms.to().e164());
                webhooks.post(path, form);
            });
        });
    }

    @Override
    public void call(OutboundCall call, String sid) {
        thread.later(() -> player.ring(phones.newLeg(sid, Leg.Kind.OUTBOUND, phones.phoneFor(call.to().e164()),
                call.from().e164(), call.to().e164(), Optional.empty(), Optional.of(call.twimlUrl().toString()),
                Optional.ofNullable(call.statusCallback()).map(URI::toString)), call.timeoutSeconds()));
    }

    @Override
    public void close() {
        thread.close();
    }

    static InvalidInputException refused(String field, String reason, String message) {
        return new InvalidInputException(field, SimulatorPage.REASON + reason, message);
    }
}
