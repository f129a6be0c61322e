package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the notes' tests need set up: leaders with an account that signs in, categories, and
 * calls a leader really answered (played as Twilio plays them, so the call record says who).
 */
final class NoteFixture {
    static final String PASSWORD = "a-long-enough-password";
    private static final AtomicInteger SIDS = new AtomicInteger();

    private final TestService service;
    private final Coordinator coordinator;
    private final Clock clock;
    private final Map<Long, Instant> shiftEnds = new HashMap<>();

    NoteFixture(TestService service, Clock clock) {
        this.service = service;
        this.coordinator = new Coordinator(service);
        this.clock = clock;
    }

    Coordinator coordinator() {
        return coordinator;
    }

    /** A leader with a leader account ({@code email}, {@link #PASSWORD}); returns the leader's id. */
    long leaderWithAccount(String name, String email) {
        return leaderWithAccount(name, email, null);
    }

    /** As {@link #leaderWithAccount(String, String)}, with the leader's phone ({@code null}: any new number). */
    long leaderWithAccount(String name, String email, String phone) {
        long leader = phone == null ? coordinator.leader(name) : coordinator.leader(name, phone);
        coordinator.patchLeader(leader, "{\"available\":false}");
        var response = service.api("POST", "/api/accounts", service.bearer(), "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"role\":\"leader\",\"leaderId\":" + leader + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return leader;
    }

    /** The API token of an account, as {@code Authorization} takes it. */
    String bearer(String email) {
        var token = service.api("POST", "/api/tokens", TestService.basic(email, PASSWORD), null);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        return "Bearer " + Json.text(Json.parse(token), "token");
    }

    long category(String nameDa, String nameEn) {
        var response = coordinator.post("/api/note-categories", "{\"nameDa\":\"" + nameDa + "\",\"nameEn\":\"" + nameEn + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.id(response);
    }

    /**
     * A call that {@code leader} answers now (the clock's now): the leader is on call for the 40
     * minutes around it (unless a shift of theirs covers now already) and the only one available,
     * the caller presses 1, the leader presses 1, they talk, the caller hangs up.
     */
    String answeredCall(long leader) {
        // Leaders of earlier calls may still be on call: only this one takes calls for now.
        onCallNow(leader);
        try {
            return call();
        } finally {
            coordinator.patchLeader(leader, "{\"available\":false}");
        }
    }

    /** The leader is on call now (for the 40 minutes around it, unless a shift of theirs covers now already) and available. */
    void onCallNow(long leader) {
        Instant now = clock.instant();
        if (!now.isBefore(shiftEnds.getOrDefault(leader, Instant.MIN))) {
            coordinator.shift(leader, now.minus(Duration.ofMinutes(20)), now.plus(Duration.ofMinutes(20)));
            shiftEnds.put(leader, now.plus(Duration.ofMinutes(20)));
        }
        coordinator.patchLeader(leader, "{\"available\":true}");
    }

    private String call() {
        var call = new TwilioCall(service, sid(), "+452987" + String.format("%04d", SIDS.incrementAndGet()));
        call.arrive();
        var dial = call.press("1");
        var leg = new TwilioCall.LeaderLeg(service, sid());
        leg.answer(dial.text("/Response/Dial/Number/@url"));
        leg.press("1");
        call.dialEnds("completed");
        call.hangUp(240);
        return call.sid();
    }

    private static String sid() {
        return String.format("CA%032x", SIDS.incrementAndGet() + (long) (Math.random() * 1_000_000_000L));
    }
}
