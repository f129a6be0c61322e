package dk.hotline.simulator;

import dk.hotline.privacy.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * What the simulator page shows, as JSON: each phone with its latest call and its texts, and the
 * webhook timeline. Numbers are masked; times are epoch milliseconds, so the page can count
 * seconds on its own between two polls.
 */
record SimulatorState(String hotline, List<PhoneState> phones, List<Exchange> timeline, long now) {

    /**
     * @param kind {@code caller}, {@code leader} or {@code other}
     * @param call the phone's newest call, ended or not; {@code null} before its first
     */
    record PhoneState(String id, String kind, String name, String number, CallState call, List<TextState> texts) {}

    /**
     * @param state what the phone is doing: {@code ringing}, {@code playing}, {@code keys},
     *     {@code dialing}, {@code queued}, {@code connected}, {@code recording}, {@code ended}
     * @param heard everything said to it, oldest first (the page speaks the ones it has not spoken)
     * @param with the id of the phone on the other end once connected
     * @param timer what Twilio is waiting for ({@code keys}, {@code ringing}, {@code queue}, {@code recording}), or ""
     * @param queuePosition 1 for the caller at the head of the queue; 0 when not queued
     * @param direction {@code in} for a call to the hotline, {@code out} for one the hotline (or a Dial) made to this phone
     */
    record CallState(String sid, String direction, String state, List<Leg.Heard> heard, String with, Long connectedAt,
                     String timer, Long timerDue, int queuePosition, String endedAs, long startedAt) {}

    record TextState(boolean mine, String body, long at) {}

    /** One webhook: {@code signed} is true for every one the simulator sends. */
    record Exchange(long id, long at, String path, Map<String, String> form, int status, String answer, long millis,
                    boolean signed) {}

    static SimulatorState of(Collection<Phone> phones, Deque<Leg> legs, Map<String, Deque<Leg>> queues,
                             List<Timeline.Exchange> timeline, PhoneNumber hotline, Instant now) {
        var shown = new ArrayList<PhoneState>();
        for (var phone : phones) {
            Leg latest = null;
            for (var leg : legs) {
                if (leg.phone == phone && (latest == null || !leg.ended() || latest.ended())) {
                    latest = leg;
                }
            }
            shown.add(new PhoneState(phone.id, phone.kind.name().toLowerCase(), phone.name, phone.masked(),
                    latest == null ? null : call(latest, queues),
                    phone.texts.stream().map(t -> new TextState(t.mine(), t.body(), t.at().toEpochMilli())).toList()));
        }
        var exchanges = timeline.stream().map(e -> new Exchange(e.id(), e.at().toEpochMilli(), e.path(), e.form(),
                e.status(), e.answer(), e.millis(), e.signed())).toList();
        return new SimulatorState(hotline.masked(), shown, exchanges, now.toEpochMilli());
    }

    private static CallState call(Leg leg, Map<String, Deque<Leg>> queues) {
        int position = 0;
        if (leg.state == Leg.State.QUEUED && leg.queue != null) {
            position = List.copyOf(queues.getOrDefault(leg.queue.name(), new java.util.ArrayDeque<>())).indexOf(leg) + 1;
        }
        String with = leg.other().map(o -> o.phone.id).orElse("");
        return new CallState(leg.sid.substring(leg.sid.length() - 6), leg.kind == Leg.Kind.INBOUND ? "in" : "out",
                leg.state.name().toLowerCase(), List.copyOf(leg.heard), with,
                leg.connectedAt == null ? null : leg.connectedAt.toEpochMilli(), leg.timerLabel,
                leg.timerDue == null ? null : leg.timerDue.toEpochMilli(), position, leg.endedAs,
                leg.started.toEpochMilli());
    }
}
