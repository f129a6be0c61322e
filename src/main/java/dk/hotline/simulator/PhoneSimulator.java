package dk.hotline.simulator;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.DryRunTwilioGateway;
import dk.hotline.twilio.OutboundCall;
import dk.hotline.twilio.OutboundSms;
import dk.hotline.twilio.Webhook;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(PhoneSimulator.class);
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(40);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "phone-simulator");
        t.setDaemon(true);
        return t;
    });
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
        return on(() -> SimulatorState.of(phones.all(), phones.legs(), player.queues(), timeline.newestFirst(), hotline,
                clock.instant()));
    }

    /** A survivor's phone, with a number or withholding it. */
    String addCaller(Optional<PhoneNumber> number) {
        return on(() -> phones.addCaller(number).id);
    }

    /** The phone calls the hotline; if the service fails to answer, Twilio asks the voice fallback URL. */
    void call(String phoneId) {
        act(() -> {
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
        act(() -> player.press(phones.activeOrRefuse(phones.phone(phoneId)), key));
    }

    /** The phone that is ringing picks up. */
    void answer(String phoneId) {
        act(() -> player.answer(phones.ringing(phones.phone(phoneId))));
    }

    /** The phone that is ringing turns the call away. */
    void decline(String phoneId) {
        act(() -> player.end(phones.ringing(phones.phone(phoneId)), "busy"));
    }

    /** The phone hangs up whatever call it is in. */
    void hangUp(String phoneId) {
        act(() -> player.end(phones.activeOrRefuse(phones.phone(phoneId)), "completed"));
    }

    /** Twilio's timer for this phone's call runs out now: no key pressed, rung out, the wait music over. */
    void skip(String phoneId) {
        act(() -> player.skip(phones.activeOrRefuse(phones.phone(phoneId))));
    }

    /** The phone texts the hotline's number; a {@code <Message>} in the answer comes back to it. */
    void text(String phoneId, String body) {
        if (body == null || body.isBlank()) {
            throw refused("body", "empty", "write something");
        }
        if (body.length() > OutboundSms.MAX_BODY_LENGTH) {
            throw refused("body", "tooLong", "at most " + OutboundSms.MAX_BODY_LENGTH + " characters");
        }
        act(() -> {
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
        act(() -> {
            player.hangUpAll();
            phones.clear();
            timeline.clear();
        });
    }

    // ---- what the outbox sends in dry-run reaches the phone it was for

    @Override
    public void sms(OutboundSms sms, String sid) {
        thread.execute(guarded(() -> {
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
        }));
    }

    @Override
    public void call(OutboundCall call, String sid) {
        thread.execute(guarded(() -> player.ring(phones.newLeg(sid, Leg.Kind.OUTBOUND, phones.phoneFor(call.to().e164()),
                call.from().e164(), call.to().e164(), Optional.empty(), Optional.of(call.twimlUrl().toString()),
                Optional.ofNullable(call.statusCallback()).map(URI::toString)), call.timeoutSeconds())));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    static InvalidInputException refused(String field, String reason, String message) {
        return new InvalidInputException(field, SimulatorPage.REASON + reason, message);
    }

    // ---- the one thread

    private void act(Runnable action) {
        on(() -> {
            action.run();
            return null;
        });
    }

    private <T> T on(Callable<T> work) {
        try {
            return thread.submit(work).get(ACTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the simulator did not answer in " + ACTION_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** A timer or a dry-run delivery that fails must not stop the thread every phone runs on. */
    static Runnable guarded(Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("event=simulator.step_failed error={}", e.getClass().getSimpleName());
            }
        };
    }
}
