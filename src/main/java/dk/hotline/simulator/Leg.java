package dk.hotline.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.w3c.dom.Element;

/**
 * One call leg as Twilio keeps it: a survivor's call to the hotline, a leader's phone rung by a
 * {@code <Dial>}, or a call the outbox placed. It runs the TwiML it was last given, verb by verb,
 * and waits where Twilio would wait (a key, a ring, the queue, a talk). Touched only on the
 * simulator's thread.
 */
final class Leg {
    enum Kind { INBOUND, DIALED, OUTBOUND }

    enum State { RINGING, PLAYING, KEYS, DIALING, QUEUED, CONNECTED, RECORDING, ENDED }

    /** Something said or played to this leg, in the language the TwiML gave. */
    record Heard(String text, String language) {}

    /** The {@code <Gather>} waiting for a key. */
    record Gather(String action, int numDigits, String finishOnKey, StringBuilder digits) {}

    /** A {@code <Dial>} under way on this leg: the legs it rings, where its end is reported. */
    static final class Dial {
        final Optional<String> action;
        final List<Leg> legs = new ArrayList<>();
        final boolean toQueue;

        Dial(Optional<String> action, boolean toQueue) {
            this.action = action;
            this.toQueue = toQueue;
        }
    }

    /** An {@code <Enqueue>}: which queue, the wait URL polled while waiting, where leaving is reported. */
    record Queue(String name, Optional<String> waitUrl, Optional<String> action, Instant since) {}

    /** A {@code <Record>} under way. */
    record Recording(Optional<String> action, Optional<String> statusCallback, Instant since) {}

    final String sid;
    final Kind kind;
    final Phone phone;
    /** From and To as Twilio sends them for this leg. */
    final String from;
    final String to;
    final Instant started;
    /** For a dialed leg: the caller's leg that dials it. */
    final Optional<Leg> parent;
    /** For a dialed leg, the {@code <Number url>} fetched when it answers; for an outbound one, its TwiML URL. */
    final Optional<String> answerUrl;
    /** An outbound call's status callback (the outbox's row is in its query). */
    final Optional<String> statusCallback;

    State state = State.RINGING;
    final Deque<Element> script = new ArrayDeque<>();
    final List<Heard> heard = new ArrayList<>();
    Gather gather;
    Dial dial;
    Queue queue;
    Recording recording;
    Leg bridged;
    Instant connectedAt;
    Instant endedAt;
    String endedAs = "";
    /** The timer Twilio would be running for this leg (a ring, a key, the wait music), and what it is. */
    ScheduledFuture<?> timer;
    Runnable timerAction;
    String timerLabel = "";
    Instant timerDue;

    Leg(String sid, Kind kind, Phone phone, String from, String to, Instant started, Optional<Leg> parent,
        Optional<String> answerUrl, Optional<String> statusCallback) {
        this.sid = sid;
        this.kind = kind;
        this.phone = phone;
        this.from = from;
        this.to = to;
        this.started = started;
        this.parent = parent;
        this.answerUrl = answerUrl;
        this.statusCallback = statusCallback;
    }

    boolean ended() {
        return state == State.ENDED;
    }

    /** The phone at the other end: the caller for a leader's leg, the leader (once connected) for the caller. */
    Optional<Leg> other() {
        return Optional.ofNullable(bridged);
    }
}
