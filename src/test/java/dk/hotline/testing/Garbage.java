package dk.hotline.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Values for property tests: what a client may send in place of the right one. Random Unicode,
 * control characters, halves of surrogate pairs, huge and negative numbers, extreme dates, and
 * the wrong JSON types. Each JSON value comes as its JSON text.
 */
public final class Garbage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Garbage() {}

    /** Any text: all of Unicode (surrogates included), control characters, or a few odd forms. */
    public static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', '\u0085', '\u2028', '\ud800', '\udfff')
                        .ofMinLength(1).ofMaxLength(5).map(s -> "a" + s + "b"),
                Arbitraries.strings().alpha().numeric().withChars(' ', '-', '+', ':', '.', '{', '}', '%').ofMaxLength(30),
                Arbitraries.strings().withChars('x').ofLength(5000),
                Arbitraries.of("", " ", "null", "{name}", "'; DROP TABLE leaders; --", "<script>", "\u00e6\u00f8\u00e5 \ud83d\ude00"));
    }

    /** A number as JSON text: at the edges of int and long, beyond them, negative, fractions, exponents. */
    public static Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.integers().between(-3, 60).map(String::valueOf),
                Arbitraries.of("2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
                        "-9223372036854775809", "99999999999999999999999999", "1e400", "-0", "0.5", "1E2", "-1"));
    }

    /** An instant or date-time as text: sane, extreme, without offset, or no time at all. */
    public static Arbitrary<String> time() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 24 * 60).map(m -> "2027-03-" + (10 + m % 18) + "T" + two(m / 60 % 24) + ":" + two(m % 60)
                        + ":00+01:00"),
                Arbitraries.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
                        "9999-12-31T23:59:59+18:00", "1970-01-01T00:00:00Z", "2027-03-28T02:30:00+01:00", "2027-10-31T02:30:00+02:00",
                        "2027-02-30T10:00:00Z", "2027-03-10T10:00:00", "2027-03-10", "17:00", "now", "2000-01-01T00:00:00-18:00",
                        "2199-12-31T23:59:59-18:00"),
                text());
    }

    /** A string as its JSON text. */
    public static String quoted(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any JSON value in place of one of {@code right}: often right, often wrong in kind or content. */
    public static Arbitrary<String> jsonValue(Arbitrary<String> right) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, right),
                net.jqwik.api.Tuple.of(2, text().map(Garbage::quoted)),
                net.jqwik.api.Tuple.of(1, number()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("null", "true", "false", "[]", "{}", "[null]", "[\"da\",\"da\"]",
                        "{\"a\":1}", "[1,2,3]")));
    }

    /**
     * A JSON object of these fields, each one left out, written once or twice (the last one
     * counts in Jackson), sometimes with a field nobody asked for.
     */
    public static Arbitrary<String> object(List<Field> fields) {
        List<Arbitrary<String>> members = fields.stream().map(f -> Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(6, f.value().map(v -> quoted(f.name()) + ":" + v)),
                net.jqwik.api.Tuple.of(1, f.value().list().ofSize(2).map(vs -> quoted(f.name()) + ":" + vs.get(0) + ","
                        + quoted(f.name()) + ":" + vs.get(1))))).toList();
        Arbitrary<String> extra = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, text().map(k -> quoted(k) + ":1")));
        Arbitrary<String> wellFormed = net.jqwik.api.Combinators.combine(combineAll(members), extra)
                .as((body, more) -> "{" + join(body, more) + "}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, wellFormed),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "null", "[]", "\"text\"", "{", "{\"a\":}", "{}", "42",
                        "{\"name\":\"a\u0000\"}", "\u0000")),
                net.jqwik.api.Tuple.of(1, text()));
    }

    /** A field of a JSON body, with the values to try in it. */
    public record Field(String name, Arbitrary<String> value) {}

    private static Arbitrary<String> combineAll(List<Arbitrary<String>> members) {
        Arbitrary<String> all = Arbitraries.just("");
        for (Arbitrary<String> member : members) {
            all = net.jqwik.api.Combinators.combine(all, member).as(Garbage::join);
        }
        return all;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "," + b;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
