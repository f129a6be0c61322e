package dk.hotline.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Garbage;
import dk.hotline.testing.TableDigest;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every {@link Webhook}, signed as Twilio signs it, with the service's own query parameters and
 * Twilio's form fields as a replay, a bug at Twilio's end or a stale URL could carry them: a step
 * that is gone, a try or offer out of range, odd numbers and words, counts out of range, fields
 * missing. Never a 5xx (on a call, that is Twilio's "an application error has occurred"), never a
 * stack trace or the caller's number in the answer, and nothing written when it is refused.
 */
class WebhookPropertiesTest {
    /** The callers' and texters' numbers (national part); the answer to them must not hold one. */
    private static final List<String> CALLERS = List.of("29871101", "29871102", "41871103");
    private static final List<String> LEADERS = List.of("20871201", "20871202");
    private static TestService service;
    private static TableDigest tables;

    @BeforeContainer
    static void start() {
        service = TestService.start("http://127.0.0.1:9");
        var coordinator = new Coordinator(service);
        long maja = coordinator.leader("Maja", "+45" + LEADERS.get(0));
        coordinator.leader("Emil", "+45" + LEADERS.get(1));
        // On call now, so calls ring someone and offers exist.
        Instant now = Instant.now();
        coordinator.shift(maja, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)));
        tables = TableDigest.of(service.jdbi());
        // A job's writes (the minutely relay hands waiting texts to leaders) must not pass for a request's.
        service.pauseJobs();
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    record Hit(Webhook webhook, String url, Map<String, String> form) {
        /** What a failure report shows: no number, not even a made-up one. */
        @Override
        public String toString() {
            return webhook + " " + url.replaceAll("[0-9]{6,}", "…") + " " + form.keySet();
        }
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void aWebhookIsAnsweredWithoutFaultOrLeakAndARefusalWritesNothing(@ForAll("hits") Hit hit) {
        String before = tables.now();

        var answer = service.twilio(hit.url(), hit.form());

        assertThat(answer.statusCode()).as(hit.webhook().name()).isLessThan(500);
        assertThat(answer.body()).as("no stack trace").doesNotContain("Exception", "\tat ", "dk.hotline.");
        CALLERS.forEach(n -> assertThat(answer.body()).as("no caller's number").doesNotContain(n));
        if (answer.statusCode() >= 400) {
            assertThat(tables.now()).as("a refused " + hit.webhook().name() + " wrote nothing").isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Hit> hits() {
        return Arbitraries.of(Webhook.class).flatMap(webhook -> Combinators.combine(query(webhook), form())
                .as((query, form) -> new Hit(webhook, webhook.path() + query, form)));
    }

    /** The webhook's own parameters, each left out, sane, or garbage; sometimes one more or one twice. */
    private static Arbitrary<String> query(Webhook webhook) {
        List<Arbitrary<String>> params = new ArrayList<>();
        for (String name : webhook.query()) {
            params.add(Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just("")),
                    Tuple.of(6, value(name).map(v -> name + "=" + enc(v))),
                    Tuple.of(1, value(name).list().ofSize(2).map(vs -> name + "=" + enc(vs.get(0)) + "&" + name + "=" + enc(vs.get(1))))));
        }
        params.add(Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just("")), Tuple.of(1, Arbitraries.just("extra=1"))));
        Arbitrary<String> all = Arbitraries.just("");
        for (Arbitrary<String> param : params) {
            all = Combinators.combine(all, param).as((a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : a + "&" + b);
        }
        return all.map(q -> q.isEmpty() ? "" : "?" + q);
    }

    private static Arbitrary<String> value(String name) {
        Arbitrary<String> sane = switch (name) {
            case "step" -> Arbitraries.of("welcome-da", "menu-da", "menu-en", "route-da", "route-en", "interest-da", "callback-da",
                    "groups-da", "nope");
            case "lang" -> Arbitraries.of("da", "en", "DA", "xx");
            case "source" -> Arbitraries.of("call", "sms", "xx");
            case "try", "n", "after" -> Arbitraries.integers().between(-2, 4).map(String::valueOf);
            default -> Arbitraries.longs().between(1, 5).map(String::valueOf);
        };
        return Arbitraries.frequencyOf(Tuple.of(3, sane), Tuple.of(1, Garbage.number()), Tuple.of(1, Garbage.text()));
    }

    /** Twilio's form fields: for a call, a text or a status callback, each left out, right or wrong. */
    private static Arbitrary<Map<String, String>> form() {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("CallSid", Arbitraries.oneOf(Arbitraries.integers().between(1, 20).map(i -> String.format("CA%032x", i)),
                Garbage.text()));
        fields.put("MessageSid", Arbitraries.oneOf(Arbitraries.integers().between(1, 20).map(i -> String.format("SM%032x", i)),
                Arbitraries.integers().between(1, 5).map(i -> String.format("MM%032x", i)), Garbage.text()));
        fields.put("From", Arbitraries.oneOf(Arbitraries.of(CALLERS).map(n -> "+45" + n), Arbitraries.of(LEADERS).map(n -> "+45" + n),
                Arbitraries.of("anonymous", "+266696687", "", "+4512"), Garbage.text()));
        fields.put("To", Arbitraries.of(TestConfig.HOTLINE_NUMBER, "+4570000000"));
        fields.put("Digits", Arbitraries.oneOf(Arbitraries.of("1", "2", "3", "9", "#", "*", "11", "0"), Garbage.text()));
        fields.put("Body", Arbitraries.oneOf(Arbitraries.of("STOP", "START", "HJÆLP", "hej", "OFF", "ON", "JA", "NEJ", "STOPP"),
                Garbage.text()));
        fields.put("NumMedia", Arbitraries.oneOf(Arbitraries.of("0", "1", "10"), Garbage.number(), Garbage.text()));
        fields.put("CallStatus", Arbitraries.oneOf(Arbitraries.of("ringing", "in-progress", "completed", "busy", "no-answer", "failed",
                "canceled"), Garbage.text()));
        fields.put("DialCallStatus", Arbitraries.oneOf(Arbitraries.of("completed", "busy", "no-answer", "failed", "canceled"),
                Garbage.text()));
        fields.put("DialCallSid", Arbitraries.integers().between(1, 5).map(i -> String.format("CA%032x", 1000 + i)));
        fields.put("QueueResult", Arbitraries.oneOf(Arbitraries.of("bridged", "hangup", "leave", "error", "redirected"), Garbage.text()));
        fields.put("QueuePosition", Garbage.number());
        fields.put("QueueTime", Garbage.number());
        fields.put("CallDuration", Garbage.number());
        fields.put("RecordingSid", Arbitraries.oneOf(Arbitraries.integers().between(1, 5).map(i -> String.format("RE%032x", i)),
                Garbage.text()));
        fields.put("RecordingUrl", Arbitraries.of("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1", "ftp://x", ""));
        fields.put("RecordingDuration", Garbage.number());
        fields.put("RecordingStatus", Arbitraries.of("completed", "failed", "absent"));
        fields.put("MessageStatus", Arbitraries.oneOf(Arbitraries.of("queued", "sent", "delivered", "undelivered", "failed"),
                Garbage.text()));
        fields.put("ErrorCode", Garbage.number());
        Arbitrary<Map<String, String>> form = Arbitraries.just(Map.<String, String>of());
        for (var field : fields.entrySet()) {
            var maybe = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(2, field.getValue()));
            form = Combinators.combine(form, maybe).as((m, v) -> {
                var next = new LinkedHashMap<>(m);
                if (v != null) {
                    next.put(field.getKey(), v);
                }
                return next;
            });
        }
        return form.map(m -> {
            var next = new LinkedHashMap<String, String>();
            next.put("AccountSid", TestConfig.ACCOUNT_SID);
            next.putAll(m);
            return next;
        });
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
