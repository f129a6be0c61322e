package dk.hotline.simulator;

import dk.hotline.privacy.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A phone the simulator plays: a survivor's (any number, or one that withholds it), a leader's
 * (the number in the leader list) or another one the service rang (the backup number). It holds
 * the texts it sent and got; its calls are {@link Leg}s. Touched only on the simulator's thread.
 */
final class Phone {
    enum Kind { CALLER, LEADER, OTHER }

    /** A text on this phone's screen: {@code mine} when this phone sent it. */
    record Text(boolean mine, String body, Instant at) {}

    final String id;
    final Kind kind;
    final String name;
    /** Empty for a caller who withholds the number. */
    final Optional<PhoneNumber> number;
    final List<Text> texts = new ArrayList<>();

    Phone(String id, Kind kind, String name, Optional<PhoneNumber> number) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.number = number;
    }

    /** What Twilio puts in From for this phone: the number, or the word it uses for a withheld one. */
    String from() {
        return number.map(PhoneNumber::e164).orElse("anonymous");
    }

    String masked() {
        return number.map(PhoneNumber::masked).orElse("");
    }
}
