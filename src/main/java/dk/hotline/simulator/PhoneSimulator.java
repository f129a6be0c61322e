package dk.hotline.simulator;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.DryRunTwilioGateway;
import dk.hotline.twilio.OutboundCall;
import dk.hotline.twilio.OutboundSms;
import dk.hotline.twilio.Webhook;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
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
    /** The made-up account every simulated webhook names. */
    static final String ACCOUNT_SID = "AC" + "0".repeat(32);
    private static final int MAX_LEGS = 200;
    private static final int MAX_TEXTS = 100;
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(40);
    /** What Twilio plays when it cannot use a webhook's answer. */
    private static final String APPLICATION_ERROR = "(Twilio: \"An application error has occurred.\")";

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "phone-simulator");
        t.setDaemon(true);
        return t;
    });
    private final SecureRandom random = new SecureRandom();
    private final WebhookClient webhooks;
    private final Timeline timeline;
    private final URI publicUrl;
    private final PhoneNumber hotline;
    private final Supplier<List<LeaderPhone>> leaders;
    private final Clock clock;
    private final Map<String, Phone> phones = new LinkedHashMap<>();
    private final Deque<Leg> legs = new ArrayDeque<>();
    private final Map<String, Deque<Leg>> queues = new HashMap<>();
    private int callers;

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
        this.webhooks = new WebhookClient(authToken, publicUrl, port, timeline);
        this.publicUrl = publicUrl;
        this.hotline = hotline;
        this.leaders = leaders;
        this.clock = clock;
    }

    // ---- what the page asks for; each runs on the simulator's thread and answers when done

    SimulatorState state() {
        return on(() -> {
            refreshLeaders();
            return SimulatorState.of(phones.values(), legs, queues, timeline.newestFirst(), hotline, clock.instant());
        });
    }

    /** A survivor's phone, with a number or withholding it. */
    String addCaller(Optional<PhoneNumber> number) {
        return on(() -> {
            if (number.isPresent() && phoneWith(number.get()).isPresent()) {
                throw refused("number", "taken", "another phone here has that number");
            }
            callers++;
            var phone = new Phone("caller-" + callers, Phone.Kind.CALLER, "", number);
            phones.put(phone.id, phone);
            return phone.id;
        });
    }

    /** The phone calls the hotline. */
    void call(String phoneId) {
        act(() -> {
            var phone = phone(phoneId);
            if (active(phone).isPresent()) {
                throw refused("phone", "inCall", "this phone is already in a call");
            }
            var leg = newLeg(newSid("CA"), Leg.Kind.INBOUND, phone, phone.from(), hotline.e164(), Optional.empty(),
                    Optional.empty(), Optional.empty());
            leg.state = Leg.State.PLAYING;
            var first = post(leg, Webhook.VOICE.url(), Map.of("CallStatus", "ringing"));
            if (first.isEmpty() && !leg.ended()) {
                // The number's "primary handler fails" URL, as Twilio's console has it set.
                leg.heard.clear();
                first = post(leg, Webhook.VOICE_FALLBACK.url(), Map.of("CallStatus", "ringing"));
            }
            first.ifPresentOrElse(verbs -> run(leg, verbs), () -> failed(leg));
        });
    }

    /** A key on the phone's keypad. */
    void press(String phoneId, String key) {
        if (!key.matches("[0-9*#]")) {
            throw refused("key", "key", "one of 0-9, * and #");
        }
        act(() -> {
            var leg = active(phone(phoneId)).orElseThrow(() -> refused("phone", "noCall", "no call on this phone"));
            if (leg.state == Leg.State.KEYS) {
                leg.gather.digits().append(key);
                if (key.equals(leg.gather.finishOnKey())) {
                    leg.gather.digits().setLength(leg.gather.digits().length() - 1);
                    submitGather(leg);
                } else if (leg.gather.numDigits() > 0 && leg.gather.digits().length() >= leg.gather.numDigits()) {
                    submitGather(leg);
                }
            } else if (leg.state == Leg.State.RECORDING && "#".equals(key)) {
                finishRecording(leg);
            }
            // Any other key is heard by nobody, as on a real call.
        });
    }

    /** The phone that is ringing picks up. */
    void answer(String phoneId) {
        act(() -> {
            var leg = ringing(phone(phoneId));
            cancelTimer(leg);
            leg.state = Leg.State.PLAYING;
            if (leg.answerUrl.isEmpty()) {
                bridge(leg.parent.orElseThrow(), leg);
                return;
            }
            post(leg, leg.answerUrl.get(), Map.of()).ifPresentOrElse(verbs -> run(leg, verbs), () -> failed(leg));
        });
    }

    /** The phone that is ringing turns the call away. */
    void decline(String phoneId) {
        act(() -> end(ringing(phone(phoneId)), "busy"));
    }

    /** The phone hangs up whatever call it is in. */
    void hangUp(String phoneId) {
        act(() -> end(active(phone(phoneId)).orElseThrow(() -> refused("phone", "noCall", "no call on this phone")),
                "completed"));
    }

    /** Twilio's timer for this phone's call runs out now: no key pressed, rung out, the wait music over. */
    void skip(String phoneId) {
        act(() -> {
            var leg = active(phone(phoneId)).orElseThrow(() -> refused("phone", "noCall", "no call on this phone"));
            var timed = leg.timerAction != null ? leg : leg.parent.filter(p -> p.timerAction != null).orElse(null);
            if (timed == null) {
                throw refused("phone", "nothingWaiting", "nothing is waiting on this call");
            }
            var action = timed.timerAction;
            cancelTimer(timed);
            action.run();
        });
    }

    /** The phone texts the hotline's number. */
    void text(String phoneId, String body) {
        if (body == null || body.isBlank()) {
            throw refused("body", "empty", "write something");
        }
        if (body.length() > OutboundSms.MAX_BODY_LENGTH) {
            throw refused("body", "tooLong", "at most " + OutboundSms.MAX_BODY_LENGTH + " characters");
        }
        act(() -> {
            var phone = phone(phoneId);
            if (phone.number.isEmpty()) {
                throw refused("body", "withheld", "a text always shows its number: this phone withholds it");
            }
            keep(phone, new Phone.Text(true, body, clock.instant()));
            String sid = newSid("SM");
            var form = new LinkedHashMap<String, String>();
            form.put("AccountSid", ACCOUNT_SID);
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
            var answer = webhooks.post(Webhook.SMS.url(), form);
            if (answer.ok()) {
                for (Element message : Twiml.verbs(answer.body())) {
                    if ("Message".equals(message.getTagName())) {
                        keep(phone, new Phone.Text(false, message.getTextContent().trim(), clock.instant()));
                    }
                }
            }
        });
    }

    /** Every call is hung up (so the service closes them too) and the callers' phones and the timeline are cleared. */
    void reset() {
        act(() -> {
            for (var leg : List.copyOf(legs)) {
                if (!leg.ended() && leg.kind == Leg.Kind.INBOUND) {
                    end(leg, "completed");
                }
            }
            for (var leg : List.copyOf(legs)) {
                if (!leg.ended()) {
                    end(leg, "completed");
                }
            }
            legs.clear();
            queues.clear();
            phones.clear();
            callers = 0;
            timeline.clear();
        });
    }

    // ---- what the outbox sends in dry-run reaches the phone it was for

    @Override
    public void sms(OutboundSms sms, String sid) {
        thread.execute(guarded(() -> {
            var phone = phoneFor(sms.to().e164());
            keep(phone, new Phone.Text(false, sms.body(), clock.instant()));
            Optional.ofNullable(sms.statusCallback()).flatMap(this::pathOf).ifPresent(path -> {
                var form = new LinkedHashMap<String, String>();
                form.put("AccountSid", ACCOUNT_SID);
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
        thread.execute(guarded(() -> {
            var leg = newLeg(sid, Leg.Kind.OUTBOUND, phoneFor(call.to().e164()), call.from().e164(), call.to().e164(),
                    Optional.empty(), Optional.of(call.twimlUrl().toString()),
                    Optional.ofNullable(call.statusCallback()).map(URI::toString));
            timer(leg, call.timeoutSeconds(), "ringing", () -> end(leg, "no-answer"));
        }));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    // ---- running TwiML

    private void run(Leg leg, List<Element> verbs) {
        leg.script.clear();
        leg.script.addAll(verbs);
        proceed(leg);
    }

    /** Runs the leg's verbs until one waits (a key, a dial, the queue, a recording) or the call ends. */
    private void proceed(Leg leg) {
        while (!leg.ended()) {
            Element verb = leg.script.poll();
            if (verb == null) {
                scriptDone(leg);
                return;
            }
            switch (verb.getTagName()) {
                case "Say" -> say(leg, verb);
                case "Play" -> leg.heard.add(new Leg.Heard("♪", ""));
                case "Pause", "Leave" -> {
                    // A pause passes at once here; Leave means something only in the wait music.
                }
                case "Gather" -> {
                    gather(leg, verb);
                    return;
                }
                case "Redirect" -> {
                    follow(leg, verb.getTextContent().trim(), Map.of());
                    return;
                }
                case "Hangup", "Reject" -> {
                    end(leg, "completed");
                    return;
                }
                case "Dial" -> {
                    dial(leg, verb);
                    return;
                }
                case "Enqueue" -> {
                    enqueue(leg, verb);
                    return;
                }
                case "Record" -> {
                    record(leg, verb);
                    return;
                }
                default -> leg.heard.add(new Leg.Heard("(" + verb.getTagName() + ")", ""));
            }
        }
    }

    /**
     * The TwiML ran out. A leader's leg that was rung by a {@code <Dial><Number url>} is now put
     * through (that is how screening ends); any other call hangs up, as Twilio does.
     */
    private void scriptDone(Leg leg) {
        var parent = leg.parent.orElse(null);
        if (leg.kind == Leg.Kind.DIALED && parent != null && parent.dial != null && parent.bridged == null) {
            bridge(parent, leg);
            return;
        }
        end(leg, "completed");
    }

    private void follow(Leg leg, String url, Map<String, String> extra) {
        post(leg, url, extra).ifPresentOrElse(verbs -> run(leg, verbs), () -> failed(leg));
    }

    private void failed(Leg leg) {
        if (!leg.ended()) {
            leg.heard.add(new Leg.Heard(APPLICATION_ERROR, "en-US"));
            end(leg, "failed");
        }
    }

    private static void say(Leg leg, Element verb) {
        leg.heard.add(new Leg.Heard(verb.getTextContent().trim(), verb.getAttribute("language")));
    }

    private void gather(Leg leg, Element verb) {
        for (Element inner : Twiml.children(verb)) {
            if ("Say".equals(inner.getTagName())) {
                say(leg, inner);
            } else if ("Play".equals(inner.getTagName())) {
                leg.heard.add(new Leg.Heard("♪", ""));
            }
        }
        String action = verb.getAttribute("action");
        leg.gather = new Leg.Gather(action, Twiml.number(verb, "numDigits", 0), Twiml.text(verb, "finishOnKey", "#"),
                new StringBuilder());
        leg.state = Leg.State.KEYS;
        timer(leg, Twiml.number(verb, "timeout", 5), "keys", () -> {
            if (leg.gather.digits().length() > 0) {
                submitGather(leg);
                return;
            }
            // No key: Twilio reads on after the Gather.
            leg.gather = null;
            leg.state = Leg.State.PLAYING;
            proceed(leg);
        });
    }

    private void submitGather(Leg leg) {
        cancelTimer(leg);
        var gather = leg.gather;
        leg.gather = null;
        leg.state = Leg.State.PLAYING;
        follow(leg, gather.action(), Map.of("Digits", gather.digits().toString()));
    }

    private void dial(Leg leg, Element verb) {
        Optional<String> action = Optional.of(verb.getAttribute("action")).filter(a -> !a.isEmpty());
        var children = Twiml.children(verb);
        var queue = children.stream().filter(c -> "Queue".equals(c.getTagName())).findFirst();
        if (queue.isPresent()) {
            dialQueue(leg, action, queue.get());
            return;
        }
        leg.dial = new Leg.Dial(action, false);
        leg.state = Leg.State.DIALING;
        String callerId = verb.getAttribute("callerId").isEmpty() ? leg.from : verb.getAttribute("callerId");
        for (Element number : children) {
            if (!"Number".equals(number.getTagName())) {
                leg.heard.add(new Leg.Heard("(" + number.getTagName() + ")", ""));
                continue;
            }
            String to = number.getTextContent().trim();
            var dialed = newLeg(newSid("CA"), Leg.Kind.DIALED, phoneFor(to), callerId, to, Optional.of(leg),
                    Optional.of(number.getAttribute("url")).filter(u -> !u.isEmpty()), Optional.empty());
            leg.dial.legs.add(dialed);
        }
        if (leg.dial.legs.isEmpty()) {
            finishDial(leg, "failed", 0);
            return;
        }
        timer(leg, Twiml.number(verb, "timeout", 30), "ringing", () -> {
            for (var dialed : leg.dial.legs) {
                quietly(dialed, "no-answer");
            }
            finishDial(leg, "no-answer", 0);
        });
    }

    /**
     * A leader's leg dials a queue: the caller who has waited longest hears the queue's URL, then
     * the two are connected. An empty queue ends the Dial at once.
     */
    private void dialQueue(Leg leader, Optional<String> action, Element queue) {
        var waiting = queues.getOrDefault(queue.getTextContent().trim(), new ArrayDeque<>());
        var caller = waiting.pollFirst();
        if (caller == null) {
            proceed(leader);
            return;
        }
        cancelTimer(caller);
        leader.dial = new Leg.Dial(action, true);
        String url = queue.getAttribute("url");
        if (!url.isEmpty()) {
            post(caller, url, Map.of()).ifPresent(verbs -> verbs.stream().filter(v -> "Say".equals(v.getTagName()))
                    .forEach(v -> say(caller, v)));
        }
        bridge(caller, leader);
    }

    private void finishDial(Leg leg, String status, long seconds) {
        var dial = leg.dial;
        leg.dial = null;
        cancelTimer(leg);
        if (leg.ended()) {
            dial.action.ifPresent(action -> post(leg, action, dialResult(status, seconds)));
            return;
        }
        leg.state = Leg.State.PLAYING;
        if (dial.action.isPresent()) {
            follow(leg, dial.action.get(), dialResult(status, seconds));
        } else {
            proceed(leg);
        }
    }

    private static Map<String, String> dialResult(String status, long seconds) {
        return Map.of("DialCallStatus", status, "DialCallDuration", String.valueOf(seconds));
    }

    private void enqueue(Leg leg, Element verb) {
        String name = verb.getTextContent().trim();
        leg.queue = new Leg.Queue(name, Optional.of(verb.getAttribute("waitUrl")).filter(u -> !u.isEmpty()),
                Optional.of(verb.getAttribute("action")).filter(u -> !u.isEmpty()), clock.instant());
        leg.state = Leg.State.QUEUED;
        queues.computeIfAbsent(name, n -> new ArrayDeque<>()).addLast(leg);
        waitMusic(leg);
    }

    /**
     * Asks the wait URL what the caller hears while waiting, as Twilio does each time the last
     * answer has been played; its pauses and music decide when it asks again.
     */
    private void waitMusic(Leg leg) {
        if (leg.state != Leg.State.QUEUED || leg.queue.waitUrl().isEmpty()) {
            return;
        }
        var queue = queues.get(leg.queue.name());
        int position = List.copyOf(queue).indexOf(leg) + 1;
        long waited = Duration.between(leg.queue.since(), clock.instant()).toSeconds();
        var answer = post(leg, leg.queue.waitUrl().get(), Map.of(
                "QueuePosition", String.valueOf(position),
                "QueueTime", String.valueOf(waited),
                "QueueSid", queueSid(leg.queue.name()),
                "CurrentQueueSize", String.valueOf(queue.size()),
                "AvgQueueTime", "0"));
        if (answer.isEmpty() || leg.state != Leg.State.QUEUED) {
            return;
        }
        int seconds = 0;
        for (Element verb : answer.get()) {
            switch (verb.getTagName()) {
                case "Say" -> say(leg, verb);
                case "Play" -> {
                    leg.heard.add(new Leg.Heard("♪", ""));
                    seconds += 30;
                }
                case "Pause" -> seconds += Twiml.number(verb, "length", 1);
                case "Leave" -> {
                    leaveQueue(leg, "leave");
                    return;
                }
                default -> leg.heard.add(new Leg.Heard("(" + verb.getTagName() + ")", ""));
            }
        }
        timer(leg, Math.max(1, seconds), "queue", () -> waitMusic(leg));
    }

    private void leaveQueue(Leg leg, String result) {
        removeFromQueue(leg);
        cancelTimer(leg);
        var queue = leg.queue;
        leg.queue = null;
        leg.state = Leg.State.PLAYING;
        var form = Map.of("QueueResult", result,
                "QueueTime", String.valueOf(Duration.between(queue.since(), clock.instant()).toSeconds()));
        if (queue.action().isPresent()) {
            follow(leg, queue.action().get(), form);
        } else {
            proceed(leg);
        }
    }

    private void record(Leg leg, Element verb) {
        leg.recording = new Leg.Recording(Optional.of(verb.getAttribute("action")).filter(a -> !a.isEmpty()),
                Optional.of(verb.getAttribute("recordingStatusCallback")).filter(a -> !a.isEmpty()), clock.instant());
        leg.state = Leg.State.RECORDING;
        leg.heard.add(new Leg.Heard("(beep)", ""));
        timer(leg, Twiml.number(verb, "maxLength", 3600), "recording", () -> finishRecording(leg));
    }

    private void finishRecording(Leg leg) {
        cancelTimer(leg);
        var recording = leg.recording;
        leg.recording = null;
        leg.state = Leg.State.PLAYING;
        String sid = newSid("RE");
        var form = Map.of(
                "RecordingSid", sid,
                "RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/" + sid,
                "RecordingDuration", String.valueOf(Math.max(1, Duration.between(recording.since(), clock.instant()).toSeconds())),
                "Digits", "#");
        if (recording.action().isPresent()) {
            follow(leg, recording.action().get(), form);
        } else {
            proceed(leg);
        }
        recording.statusCallback().ifPresent(callback -> {
            var status = new LinkedHashMap<>(form);
            status.remove("Digits");
            status.put("RecordingStatus", "completed");
            status.put("RecordingSource", "RecordVerb");
            status.put("RecordingChannels", "1");
            post(leg, callback, status);
        });
    }

    // ---- connecting and ending

    /** Caller and leader talk; any other phone the caller's Dial rang stops ringing. */
    private void bridge(Leg caller, Leg leader) {
        cancelTimer(caller);
        caller.bridged = leader;
        leader.bridged = caller;
        caller.state = Leg.State.CONNECTED;
        leader.state = Leg.State.CONNECTED;
        Instant now = clock.instant();
        caller.connectedAt = now;
        leader.connectedAt = now;
        if (caller.dial != null) {
            for (var other : caller.dial.legs) {
                if (other != leader) {
                    quietly(other, "canceled");
                }
            }
        }
    }

    /**
     * The leg is over ({@code status} as Twilio reports it), and everything that hangs on it
     * follows: a caller's Dial or queue is reported, a leader's hang-up puts the caller on through
     * the rest of its TwiML, and calls to and from the hotline get their status callback.
     */
    private void end(Leg leg, String status) {
        if (leg.ended()) {
            return;
        }
        var wasQueued = leg.state == Leg.State.QUEUED;
        var other = leg.bridged;
        long talked = leg.connectedAt == null ? 0 : Duration.between(leg.connectedAt, clock.instant()).toSeconds();
        quietly(leg, status);
        if (other != null) {
            other.bridged = null;
            leg.bridged = null;
        }
        switch (leg.kind) {
            case INBOUND -> {
                if (leg.dial != null) {
                    leg.dial.legs.forEach(l -> quietly(l, "canceled"));
                    if (other != null) {
                        finishDial(leg, "completed", talked);
                    } else {
                        // Hung up while it rang: Twilio asks the Dial's action nothing, the status callback says it all.
                        leg.dial = null;
                    }
                }
                if (leg.queue != null) {
                    removeFromQueue(leg);
                    String result = wasQueued ? "hangup" : "bridged";
                    leg.queue.action().ifPresent(action -> post(leg, action, Map.of("QueueResult", result)));
                }
                if (other != null) {
                    otherSideGone(other);
                }
                statusCallback(leg, Webhook.VOICE_STATUS.url(), status);
            }
            case DIALED -> {
                var parent = leg.parent.orElseThrow();
                if (other != null) {
                    finishDial(parent, "completed", talked);
                } else if (parent.dial != null && parent.dial.legs.stream().allMatch(Leg::ended)) {
                    boolean allBusy = parent.dial.legs.stream().allMatch(l -> "busy".equals(l.endedAs));
                    finishDial(parent, allBusy ? "busy" : "no-answer", 0);
                }
            }
            case OUTBOUND -> {
                if (other != null) {
                    // The caller came from the queue: its Enqueue's action says what it hears next.
                    var action = Optional.ofNullable(other.queue).flatMap(Leg.Queue::action);
                    other.queue = null;
                    other.state = Leg.State.PLAYING;
                    action.ifPresentOrElse(url -> follow(other, url, Map.of("QueueResult", "bridged")), () -> proceed(other));
                }
                leg.statusCallback.ifPresent(url -> statusCallback(leg, url, status));
            }
        }
    }

    /** The caller hung up on a leader: a dialed leg simply ends; a leader who dialed the queue reads on. */
    private void otherSideGone(Leg leader) {
        if (leader.kind == Leg.Kind.DIALED) {
            quietly(leader, "completed");
        } else if (leader.kind == Leg.Kind.OUTBOUND && !leader.ended()) {
            leader.dial = null;
            leader.state = Leg.State.PLAYING;
            proceed(leader);
        }
    }

    private void statusCallback(Leg leg, String url, String status) {
        post(leg, url, Map.of("CallStatus", status,
                "CallDuration", String.valueOf(Duration.between(leg.started, clock.instant()).toSeconds())));
    }

    /** Ends a leg without telling the service: Twilio does not report a dialed leg that stopped ringing. */
    private void quietly(Leg leg, String status) {
        if (leg.ended()) {
            return;
        }
        cancelTimer(leg);
        leg.state = Leg.State.ENDED;
        leg.endedAs = status;
        leg.endedAt = clock.instant();
    }

    private void removeFromQueue(Leg leg) {
        if (leg.queue != null) {
            var queue = queues.get(leg.queue.name());
            if (queue != null) {
                queue.remove(leg);
            }
        }
    }

    // ---- webhooks

    /** Posts to {@code url} for this leg with Twilio's call parameters; the answer's verbs, or empty when it failed. */
    private Optional<List<Element>> post(Leg leg, String url, Map<String, String> extra) {
        var path = pathOf(url);
        if (path.isEmpty()) {
            leg.heard.add(new Leg.Heard("(" + Timeline.mask(url) + ": not this service)", ""));
            return Optional.empty();
        }
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("CallSid", leg.sid);
        form.put("CallStatus", leg.ended() ? leg.endedAs : "in-progress");
        form.put("Direction", switch (leg.kind) {
            case INBOUND -> "inbound";
            case DIALED -> "outbound-dial";
            case OUTBOUND -> "outbound-api";
        });
        form.put("From", leg.from);
        form.put("To", leg.to);
        form.put("Caller", leg.from);
        form.put("Called", leg.to);
        leg.parent.ifPresent(parent -> form.put("ParentCallSid", parent.sid));
        form.putAll(extra);
        var answer = webhooks.post(path.get(), form);
        if (!answer.ok()) {
            return Optional.empty();
        }
        return Optional.of(Twiml.verbs(answer.body()));
    }

    /** The path and query of a URL on this service: relative ones as they are, absolute ones under the public URL. */
    private Optional<String> pathOf(String url) {
        if (url.startsWith("/")) {
            return Optional.of(url);
        }
        String base = publicUrl.toString();
        return url.startsWith(base + "/") ? Optional.of(url.substring(base.length())) : Optional.empty();
    }

    private Optional<String> pathOf(URI url) {
        return pathOf(url.toString());
    }

    // ---- phones, legs and timers

    private Leg newLeg(String sid, Leg.Kind kind, Phone phone, String from, String to, Optional<Leg> parent,
                       Optional<String> answerUrl, Optional<String> statusCallback) {
        var leg = new Leg(sid, kind, phone, from, to, clock.instant(), parent, answerUrl, statusCallback);
        legs.addLast(leg);
        while (legs.size() > MAX_LEGS && legs.peekFirst().ended()) {
            legs.removeFirst();
        }
        return leg;
    }

    private void timer(Leg leg, int seconds, String label, Runnable action) {
        cancelTimer(leg);
        leg.timerAction = action;
        leg.timerLabel = label;
        leg.timerDue = clock.instant().plusSeconds(seconds);
        leg.timer = thread.schedule(guarded(() -> {
            if (leg.timerAction == action) {
                cancelTimer(leg);
                action.run();
            }
        }), seconds, TimeUnit.SECONDS);
    }

    private static void cancelTimer(Leg leg) {
        if (leg.timer != null) {
            leg.timer.cancel(false);
        }
        leg.timer = null;
        leg.timerAction = null;
        leg.timerLabel = "";
        leg.timerDue = null;
    }

    private Phone phone(String id) {
        var phone = phones.get(id);
        if (phone == null) {
            throw refused("phone", "noPhone", "no such phone");
        }
        return phone;
    }

    /** The phone's call that is not over yet, the newest first. */
    private Optional<Leg> active(Phone phone) {
        return legs.stream().filter(l -> l.phone == phone && !l.ended()).reduce((first, last) -> last);
    }

    private Leg ringing(Phone phone) {
        return legs.stream().filter(l -> l.phone == phone && l.state == Leg.State.RINGING).findFirst()
                .orElseThrow(() -> refused("phone", "notRinging", "this phone is not ringing"));
    }

    private Optional<Phone> phoneWith(PhoneNumber number) {
        return phones.values().stream().filter(p -> p.number.filter(number::equals).isPresent()).findFirst();
    }

    /** The phone with this number: a caller's, a leader's, or one made for a number the service rang (the backup number). */
    private Phone phoneFor(String e164) {
        var number = PhoneNumber.parse(e164);
        return phoneWith(number).orElseGet(() -> {
            leadersRead = Instant.MIN;
            refreshLeaders();
            return phoneWith(number).orElseGet(() -> {
                var phone = new Phone("other-" + (phones.size() + 1), Phone.Kind.OTHER, "", Optional.of(number));
                phones.put(phone.id, phone);
                return phone;
            });
        });
    }

    /** Leaders are read again when the page asks, at most this often: the page asks every second. */
    private static final Duration LEADERS_FRESH = Duration.ofSeconds(5);
    private Instant leadersRead = Instant.MIN;

    private void refreshLeaders() {
        Instant now = clock.instant();
        if (Duration.between(leadersRead, now).compareTo(LEADERS_FRESH) < 0) {
            return;
        }
        leadersRead = now;
        for (var leader : leaders.get()) {
            phones.putIfAbsent("leader-" + leader.id(), new Phone("leader-" + leader.id(), Phone.Kind.LEADER, leader.name(),
                    Optional.of(leader.number())));
        }
    }

    private void keep(Phone phone, Phone.Text text) {
        phone.texts.add(text);
        if (phone.texts.size() > MAX_TEXTS) {
            phone.texts.remove(0);
        }
    }

    private String newSid(String prefix) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private static String queueSid(String name) {
        return "QU" + String.format("%032x", name.hashCode() & 0xffffffffL);
    }

    private static InvalidInputException refused(String field, String reason, String message) {
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
    private static Runnable guarded(Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("event=simulator.step_failed error={}", e.getClass().getSimpleName());
            }
        };
    }
}
