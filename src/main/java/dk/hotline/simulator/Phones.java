package dk.hotline.simulator;

import dk.hotline.privacy.PhoneNumber;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The simulator's phones and the call legs on them: the callers a coordinator added, a phone for
 * each leader (read from the leader list), and one for any other number the service rings. Used
 * only on the simulator's thread.
 */
final class Phones {
    private static final int MAX_LEGS = 200;
    private static final int MAX_TEXTS = 100;
    /** Leaders are read again when the page asks, at most this often: the page asks every second. */
    private static final Duration LEADERS_FRESH = Duration.ofSeconds(5);

    private final Map<String, Phone> phones = new LinkedHashMap<>();
    private final Deque<Leg> legs = new ArrayDeque<>();
    private final SecureRandom random = new SecureRandom();
    private final Supplier<List<PhoneSimulator.LeaderPhone>> leaders;
    private final Clock clock;
    private Instant leadersRead = Instant.MIN;
    private int callers;

    Phones(Supplier<List<PhoneSimulator.LeaderPhone>> leaders, Clock clock) {
        this.leaders = leaders;
        this.clock = clock;
    }

    Collection<Phone> all() {
        refreshLeaders();
        return phones.values();
    }

    Deque<Leg> legs() {
        return legs;
    }

    /** A survivor's phone, with a number or withholding it. */
    Phone addCaller(Optional<PhoneNumber> number) {
        if (number.isPresent() && phoneWith(number.get()).isPresent()) {
            throw PhoneSimulator.refused("number", "taken", "another phone here has that number");
        }
        callers++;
        var phone = new Phone("caller-" + callers, Phone.Kind.CALLER, "", number);
        phones.put(phone.id, phone);
        return phone;
    }

    Phone phone(String id) {
        var phone = phones.get(id);
        if (phone == null) {
            throw PhoneSimulator.refused("phone", "noPhone", "no such phone");
        }
        return phone;
    }

    /** The phone with this number: a caller's, a leader's, or one made for a number the service rang (the backup number). */
    Phone phoneFor(String e164) {
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

    Leg newLeg(String sid, Leg.Kind kind, Phone phone, String from, String to, Optional<Leg> parent,
               Optional<String> answerUrl, Optional<String> statusCallback) {
        var leg = new Leg(sid, kind, phone, from, to, clock.instant(), parent, answerUrl, statusCallback);
        legs.addLast(leg);
        while (legs.size() > MAX_LEGS && legs.peekFirst().ended()) {
            legs.removeFirst();
        }
        return leg;
    }

    /** The phone's call that is not over yet, the newest first. */
    Optional<Leg> active(Phone phone) {
        return legs.stream().filter(l -> l.phone == phone && !l.ended()).reduce((first, last) -> last);
    }

    Leg activeOrRefuse(Phone phone) {
        return active(phone).orElseThrow(() -> PhoneSimulator.refused("phone", "noCall", "no call on this phone"));
    }

    Leg ringing(Phone phone) {
        return legs.stream().filter(l -> l.phone == phone && l.state == Leg.State.RINGING).findFirst()
                .orElseThrow(() -> PhoneSimulator.refused("phone", "notRinging", "this phone is not ringing"));
    }

    void keep(Phone phone, Phone.Text text) {
        phone.texts.add(text);
        if (phone.texts.size() > MAX_TEXTS) {
            phone.texts.remove(0);
        }
    }

    /** A new Twilio id of this kind ({@code CA}, {@code SM}, {@code RE}): the prefix and 32 random hex digits. */
    String newSid(String prefix) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    void clear() {
        legs.clear();
        phones.clear();
        callers = 0;
        leadersRead = Instant.MIN;
    }

    private Optional<Phone> phoneWith(PhoneNumber number) {
        return phones.values().stream().filter(p -> p.number.filter(number::equals).isPresent()).findFirst();
    }

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

}
