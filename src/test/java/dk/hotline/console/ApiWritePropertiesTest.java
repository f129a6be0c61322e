package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Garbage;
import dk.hotline.testing.Garbage.Field;
import dk.hotline.testing.TableDigest;
import dk.hotline.testing.TestService;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every write of the JSON API (leaders, shifts, templates, groups, participants, blocklist,
 * accounts, notes, note categories; see openapi.json) with bodies and ids a buggy script or an
 * attacker could send. Whatever comes: never a 5xx, never a stack trace or a phone number in clear
 * in the answer, and nothing written when the answer is a refusal.
 */
class ApiWritePropertiesTest {
    /** The leaders' and participant's numbers in clear; no answer here may hold one. */
    private static final List<String> NUMBERS = List.of("20776611", "20776612", "30776613");
    private static TestService service;
    private static String bearer;
    private static TableDigest tables;
    private static long leader;
    private static long otherLeader;
    private static long group;
    private static long session;

    @BeforeContainer
    static void start() {
        service = TestService.start("http://127.0.0.1:9");
        var coordinator = new Coordinator(service);
        bearer = service.bearer();
        leader = coordinator.leader("Maja", "+45" + NUMBERS.get(0));
        otherLeader = coordinator.leader("Emil", "+45" + NUMBERS.get(1));
        coordinator.shift(leader, java.time.Instant.parse("2027-03-10T16:00:00Z"), java.time.Instant.parse("2027-03-10T20:00:00Z"));
        group = coordinator.group("Tirsdag", "Tirsdag", leader, "2027-03-09T17:00:00+01:00", 3);
        session = coordinator.sessions(group).get(0);
        coordinator.participant(group, "Ida", "+45" + NUMBERS.get(2), true, "da");
        tables = TableDigest.of(service.jdbi());
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    record Write(String method, String path, String body) {
        /** What a failure report shows: no number, not even a made-up one. */
        @Override
        public String toString() {
            return method + " " + path + " " + (body == null ? "" : body.replaceAll("[0-9]{6,}", "…"));
        }
    }

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void aWriteIsAnsweredWithoutFaultOrLeakAndARefusalWritesNothing(@ForAll("writes") Write write) {
        String before = tables.now();

        var answer = service.api(write.method(), write.path(), bearer, write.body());

        assertThat(answer.statusCode()).as(write.method() + " " + write.path()).isLessThan(500);
        assertThat(answer.body()).as("no stack trace").doesNotContain("Exception", "\tat ", "dk.hotline.");
        NUMBERS.forEach(n -> assertThat(answer.body().replaceAll("[^0-9]", "")).as("no number in clear").doesNotContain(n));
        if (answer.statusCode() >= 400) {
            assertThat(tables.now()).as("a refused " + write.method() + " " + write.path() + " wrote nothing").isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Write> writes() {
        Arbitrary<String> leaderId = Garbage.jsonValue(Arbitraries.of(leader, otherLeader).map(String::valueOf));
        Arbitrary<String> name = Garbage.jsonValue(Arbitraries.of("Sofie", "Carl Berg", "Åse Ørum").map(Garbage::quoted));
        Arbitrary<String> phone = Garbage.jsonValue(Arbitraries.of("+4520776620", "20 77 66 21", "+4930123456", "112", "+45"
                + NUMBERS.get(0)).map(Garbage::quoted));
        Arbitrary<String> bool = Garbage.jsonValue(Arbitraries.of("true", "false"));
        Arbitrary<String> time = Garbage.jsonValue(Garbage.time().map(Garbage::quoted));
        Arbitrary<String> localTime = Garbage.jsonValue(Arbitraries.of("17:00", "21:00", "08:30", "24:00", "23:59:59").map(Garbage::quoted));
        Arbitrary<String> weekday = Garbage.jsonValue(Arbitraries.of("1", "7", "0", "8", "\"MONDAY\"", "\"monday\"", "\"Mandag\""));
        Arbitrary<String> count = Garbage.jsonValue(Garbage.number());
        Arbitrary<String> text = Garbage.jsonValue(Garbage.text().map(Garbage::quoted));
        Arbitrary<String> languages = Garbage.jsonValue(Arbitraries.of("[\"da\"]", "[\"da\",\"en\"]", "[\"xx\"]", "[]"));
        Arbitrary<String> language = Garbage.jsonValue(Arbitraries.of("\"da\"", "\"en\"", "\"DA\""));
        Arbitrary<String> ids = Garbage.jsonValue(Arbitraries.of("[1]", "[1,1]", "[-1]", "[9223372036854775807]", "[]"));
        Arbitrary<String> pathId = Arbitraries.oneOf(Arbitraries.of(leader, otherLeader, group, session, 1L, 0L, -1L, Long.MAX_VALUE)
                        .map(String::valueOf),
                Arbitraries.of("abc", "1e3", "9223372036854775808", "%20", "1.5"));

        List<Field> leaderFields = List.of(new Field("name", name), new Field("phone", phone), new Field("languages", languages),
                new Field("active", bool), new Field("available", bool));
        List<Field> shiftFields = List.of(new Field("leaderId", leaderId), new Field("start", time), new Field("end", time));

        return Arbitraries.oneOf(
                write("POST", Arbitraries.just("/api/leaders"), leaderFields),
                write("PATCH", pathId.map(id -> "/api/leaders/" + id), leaderFields),
                Combinators.combine(Arbitraries.just("DELETE"), pathId.map(id -> "/api/leaders/" + id)).as((m, p) -> new Write(m, p, null)),
                write("POST", Arbitraries.just("/api/shifts"), shiftFields),
                write("PATCH", pathId.map(id -> "/api/shifts/" + id), shiftFields),
                write("POST", Arbitraries.just("/api/shift-templates"), List.of(new Field("leaderId", leaderId),
                        new Field("weekday", weekday), new Field("start", localTime), new Field("end", localTime))),
                write("POST", Arbitraries.just("/api/groups"), List.of(new Field("name", name), new Field("smsName", name),
                        new Field("location", text), new Field("leaderId", leaderId), new Field("capacity", count),
                        new Field("firstSession", time), new Field("weeks", count), new Field("durationMinutes", count))),
                write("PATCH", pathId.map(id -> "/api/groups/" + id), List.of(new Field("leaderId", leaderId))),
                write("POST", pathId.map(id -> "/api/groups/" + id + "/participants"), List.of(new Field("name", name),
                        new Field("phone", phone), new Field("smsConsent", bool), new Field("language", language))),
                write("POST", pathId.map(id -> "/api/groups/" + group + "/sessions/" + id + "/move"), List.of(new Field("start", time))),
                write("POST", Arbitraries.just("/api/blocklist"), List.of(new Field("phone", phone), new Field("reason", text))),
                write("POST", Arbitraries.just("/api/accounts"), List.of(new Field("email", Garbage.jsonValue(
                                Arbitraries.of("a@b.dk", "x@example.org").map(Garbage::quoted))), new Field("password", text),
                        new Field("role", Garbage.jsonValue(Arbitraries.of("\"leader\"", "\"coordinator\""))),
                        new Field("leaderId", leaderId))),
                write("PATCH", pathId.map(id -> "/api/accounts/" + id), List.of(new Field("active", bool))),
                write("POST", Arbitraries.just("/api/notes"), List.of(new Field("callSid", text), new Field("conversationId", count),
                        new Field("body", text), new Field("categoryIds", ids))),
                write("POST", pathId.map(id -> "/api/calls/" + id + "/notes"), List.of(new Field("text", text),
                        new Field("categories", ids))),
                write("POST", Arbitraries.just("/api/note-categories"), List.of(new Field("nameDa", text), new Field("nameEn", text))),
                write("PATCH", pathId.map(id -> "/api/note-categories/" + id), List.of(new Field("nameDa", text),
                        new Field("nameEn", text), new Field("active", bool), new Field("position", count))));
    }

    private static Arbitrary<Write> write(String method, Arbitrary<String> path, List<Field> fields) {
        return Combinators.combine(path, Garbage.object(fields)).as((p, body) -> new Write(method, p, body));
    }
}
