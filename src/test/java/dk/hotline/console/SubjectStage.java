package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import dk.hotline.testing.TwilioSms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A person's whole history with the hotline, played as Twilio and coordinators play it: in a
 * support group (reminded, answered JA), on the interest list, a call a leader answered (with a
 * note), a relayed conversation both ways (with a note), and a callback request by text.
 */
final class SubjectStage {
    /** 17:00 in Copenhagen on Tuesday 19 January 2027: 24 hours before the group's first session. */
    static final Instant START = Instant.parse("2027-01-19T16:00:00Z");
    static final String SESSION = "2027-01-20T17:00:00+01:00";
    static final String CALL_NOTE = "Talte om at sove dårligt efter flytningen.";
    static final String CONVERSATION_NOTE = "Vil gerne i en gruppe om onsdagen.";
    static final String FIRST_TEXT = "Hej er der nogen jeg kan skrive med";
    static final String LEADER_REPLY = "Hej, du skriver med Anna. Jeg er her.";
    private static final AtomicLong SIDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final TestService service;
    private final Coordinator coordinator;
    private final TwilioSms sms;
    private final MutableClock clock;

    SubjectStage(TestService service, Coordinator coordinator, TwilioSms sms, MutableClock clock) {
        this.service = service;
        this.coordinator = coordinator;
        this.sms = sms;
        this.clock = clock;
    }

    /** What the story made, to look for in the export. */
    record Story(long leader, long group, long session, long participant, String callSid, long conversation) {}

    /** Plays the whole story for {@code person}, with {@code leaderPhone} as the leader on call. */
    Story play(String person, String leaderName, String leaderPhone) {
        clock.set(START);
        long leader = coordinator.leader(leaderName, leaderPhone, List.of("da"));
        coordinator.shift(leader, START.minus(Duration.ofMinutes(20)), START.plus(Duration.ofHours(3)));

        long group = coordinator.group("Onsdagsgruppen", "Onsdagsholdet", leader, SESSION, 1);
        long session = coordinator.sessions(group).get(0);
        long participant = coordinator.participant(group, "Ida", person, true, "da");
        service.fireReminder(session, Duration.ofHours(24));
        Await.until("the reminder is sent", Await.SOON, () -> sms.sentTo(person).size() == 1);
        sms.receive(person, "JA");
        Await.until("the answer is confirmed", Await.SOON, () -> sms.sentTo(person).size() == 2);
        sms.receive(person, "GRUPPE");

        clock.set(START.plus(Duration.ofMinutes(10)));
        String callSid = answeredCall(person, leader);
        note("/api/calls/" + callSid + "/notes", CALL_NOTE);

        clock.set(START.plus(Duration.ofMinutes(30)));
        int leaderHad = sms.sentTo(leaderPhone).size();
        sms.receive(person, FIRST_TEXT);
        Await.until("the text reaches the leader", Await.SOON, () -> sms.sentTo(leaderPhone).size() > leaderHad);
        String relayed = sms.sentTo(leaderPhone).get(sms.sentTo(leaderPhone).size() - 1);
        String tag = relayed.replaceFirst("^\\[(K\\d+)].*", "$1");
        long conversation = Long.parseLong(tag.substring(1));
        int personHad = sms.sentTo(person).size();
        sms.receive(leaderPhone, tag + " " + LEADER_REPLY);
        Await.until("the reply reaches the person", Await.SOON, () -> sms.sentTo(person).size() > personHad);
        note("/api/conversations/" + conversation + "/notes", CONVERSATION_NOTE);

        sms.receive(person, "RING");
        return new Story(leader, group, session, participant, callSid, conversation);
    }

    /** A call from {@code person} that {@code leader} answers: 1 in the menu, the leader presses 1, they talk, hang up. */
    String answeredCall(String person, long leader) {
        var call = new TwilioCall(service, sid("CA"), person);
        call.arrive();
        var dial = call.press("1");
        var leg = new TwilioCall.LeaderLeg(service, sid("CA"));
        leg.answer(dial.text("/Response/Dial/Number/@url"));
        leg.press("1");
        call.dialEnds("completed");
        call.hangUp(240);
        return call.sid();
    }

    private void note(String path, String words) {
        var response = coordinator.post(path, "{\"text\":\"" + words + "\",\"categories\":[]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Json.id(response);
    }

    static String sid(String prefix) {
        return String.format("%s%032x", prefix, SIDS.incrementAndGet());
    }
}
