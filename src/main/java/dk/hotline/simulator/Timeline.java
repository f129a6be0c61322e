package dk.hotline.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every webhook the simulator sent and what the service answered, newest first, for people
 * changing {@code flows/}. Numbers are masked in what it keeps: a leader's number is in the TwiML
 * of every {@code <Dial>}.
 */
final class Timeline {
    static final int CAPACITY = 300;
    /** E.164 as Twilio writes it in forms and TwiML; the last two digits stay, as {@code PhoneNumber.masked} does. */
    private static final Pattern NUMBER = Pattern.compile("\\+(\\d{1,3})\\d{4,11}(\\d{2})");

    private final Deque<Exchange> exchanges = new ArrayDeque<>();
    private final Clock clock;
    private long next = 1;

    Timeline(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param signed whether the request carried a signature; every request the simulator makes does
     * @param status the HTTP status, 0 when none came
     */
    record Exchange(long id, Instant at, String path, Map<String, String> form, int status, String answer, long millis,
                    boolean signed) {}

    synchronized void add(String path, Map<String, String> form, WebhookClient.Answer answer, long millis) {
        var shown = new LinkedHashMap<String, String>();
        form.forEach((name, value) -> shown.put(name, mask(value)));
        exchanges.addFirst(new Exchange(next++, clock.instant(), path, Collections.unmodifiableMap(shown), answer.status(), mask(answer.body()),
                millis, true));
        while (exchanges.size() > CAPACITY) {
            exchanges.removeLast();
        }
    }

    synchronized List<Exchange> newestFirst() {
        return List.copyOf(exchanges);
    }

    synchronized void clear() {
        exchanges.clear();
    }

    static String mask(String text) {
        return NUMBER.matcher(text).replaceAll("+$1 •••• ••$2");
    }
}
