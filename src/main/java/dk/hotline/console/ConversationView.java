package dk.hotline.console;

import java.util.List;

/** What a conversation's page shows: its facts in words, and its texts in order (never their words). */
public record ConversationView(String tag, List<Fact> facts, List<Line> texts) {
    /** A named fact: "Taget af" – "Anna". */
    public record Fact(String label, String value) {}

    /**
     * One text: when, which way (in from the texter, out from a leader), the leader who answered,
     * how far it came, and its length in characters and SMS parts.
     */
    public record Line(String at, String direction, String leader, String status, String length) {}
}
