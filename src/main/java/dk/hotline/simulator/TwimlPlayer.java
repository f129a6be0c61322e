package dk.hotline.simulator;

import dk.hotline.twilio.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Runs the TwiML the service answers on each call leg, verb by verb, the way Twilio does: says
 * and plays, waits for keys ({@code <Gather>} with its timeout), rings the numbers of a
 * {@code <Dial>} (their {@code url} is the leader's screening), holds callers in an
 * {@code <Enqueue>} and asks its wait URL again when the music is over, connects a leader who
 * dials a queue to the caller who waited longest, records, and hangs up; and reports each of these
 * to the URL the TwiML named. Used only on the simulator's thread, which also runs its timers.
 *
 * <p>Longer than 200 lines because Twilio's call model is one state machine: a hang-up ends a
 * Dial, which reports to its action, whose TwiML may enqueue, whose wait music may be cut short by
 * a leader dialing the queue. Split by verb, each part would reach into the others' legs.
 */
final class TwimlPlayer {
    /** What Twilio plays when it cannot use a webhook's answer. */
    private static final String APPLICATION_ERROR = "(Twilio: \"An application error has occurred.\")";

    private final Phones phones;
    private final CallWebhooks webhooks;
    private final SimulatorThread thread;
    private final Clock clock;
    private final Map<String, Deque<Leg>> queues = new HashMap<>();

    TwimlPlayer(Phones phones, CallWebhooks webhooks, SimulatorThread thread, Clock clock) {
        this.phones = phones;
        this.webhooks = webhooks;
        this.thread = thread;
        this.clock = clock;
    }

    Map<String, Deque<Leg>> queues() {
        return queues;
    }

    /** A key on the leg's keypad: heard by a {@code <Gather>}, or {@code #} ending a recording; by nobody otherwise. */
    void press(Leg leg, String key) {
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
    }

    /** A ringing leg is picked up: its TwiML is fetched, or, with none, it is put straight through. */
    void answer(Leg leg) {
        cancelTimer(leg);
        leg.state = Leg.State.PLAYING;
        if (leg.answerUrl.isEmpty()) {
            bridge(leg.parent.orElseThrow(), leg);
            return;
        }
        follow(leg, leg.answerUrl.get(), Map.of());
    }

    /** Whatever Twilio is waiting for on this leg (or on the call that rings it) runs out now. */
    void skip(Leg leg) {
        var timed = leg.timerAction != null ? leg : leg.parent.filter(p -> p.timerAction != null).orElse(null);
        if (timed == null) {
            throw PhoneSimulator.refused("phone", "nothingWaiting", "nothing is waiting on this call");
        }
        var action = timed.timerAction;
        cancelTimer(timed);
        action.run();
    }

    /** A call the outbox placed rings its phone until it is answered or its timeout passes. */
    void ring(Leg leg, int seconds) {
        timer(leg, seconds, "ringing", () -> end(leg, "no-answer"));
    }

    /** Hangs up every call (callers first, so the service hears of each), and forgets the queues. */
    void hangUpAll() {
        for (var kind : List.of(Leg.Kind.INBOUND, Leg.Kind.DIALED, Leg.Kind.OUTBOUND)) {
            for (var leg : List.copyOf(phones.legs())) {
                if (!leg.ended() && leg.kind == kind) {
                    end(leg, "completed");
                }
            }
        }
        queues.clear();
    }

    void run(Leg leg, List<Element> verbs) {
        leg.script.clear();
        leg.script.addAll(verbs);
        proceed(leg);
    }

    /** Runs the leg's verbs until one waits (a key, a dial, the queue, a recording) or the call ends. */
    void proceed(Leg leg) {
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

    void follow(Leg leg, String url, Map<String, String> extra) {
        webhooks.post(leg, url, extra).ifPresentOrElse(verbs -> run(leg, verbs), () -> failed(leg));
    }

    void failed(Leg leg) {
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
            var dialed = phones.newLeg(phones.newSid("CA"), Leg.Kind.DIALED, phones.phoneFor(to), callerId, to, Optional.of(leg),
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
            webhooks.post(caller, url, Map.of()).ifPresent(verbs -> verbs.stream().filter(v -> "Say".equals(v.getTagName()))
                    .forEach(v -> say(caller, v)));
        }
        bridge(caller, leader);
    }

    private void finishDial(Leg leg, String status, long seconds) {
        var dial = leg.dial;
        leg.dial = null;
        cancelTimer(leg);
        if (leg.ended()) {
            dial.action.ifPresent(action -> webhooks.post(leg, action, dialResult(status, seconds)));
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
        var answer = webhooks.post(leg, leg.queue.waitUrl().get(), Map.of(
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
        String sid = phones.newSid("RE");
        var form = Map.of(
                "RecordingSid", sid,
                "RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + CallWebhooks.ACCOUNT_SID + "/Recordings/" + sid,
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
            webhooks.post(leg, callback, status);
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
    void end(Leg leg, String status) {
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
                    leg.queue.action().ifPresent(action -> webhooks.post(leg, action, Map.of("QueueResult", result)));
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
        webhooks.post(leg, url, Map.of("CallStatus", status,
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

    // ---- Twilio's timers

    private void timer(Leg leg, int seconds, String label, Runnable action) {
        cancelTimer(leg);
        leg.timerAction = action;
        leg.timerLabel = label;
        leg.timerDue = clock.instant().plusSeconds(seconds);
        leg.timer = thread.after(seconds, () -> {
            if (leg.timerAction == action) {
                cancelTimer(leg);
                action.run();
            }
        });
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

    private static String queueSid(String name) {
        return "QU" + String.format("%032x", name.hashCode() & 0xffffffffL);
    }
}
