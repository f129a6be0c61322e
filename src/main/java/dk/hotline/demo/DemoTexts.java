package dk.hotline.demo;

import dk.hotline.outbox.MessageKind;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.rota.Leader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A month of relayed conversations as the sms feature leaves them: a survivor's texts came in and
 * were forwarded to the leaders on call, one of them answered from their own phone and the answer
 * went out from the hotline's number; older conversations closed when they went quiet. Two from the
 * last hour are still waiting for an answer (one taken, one not), for Today.
 */
final class DemoTexts {
    private static final List<String> IN_DA = List.of(
            "Hej. Jeg ved ikke helt, hvordan jeg skal starte.",
            "Kan jeg skrive med nogen i aften?",
            "Han er ude nu, så jeg kan skrive lidt.",
            "Tak, det hjælper at skrive det ned.",
            "Jeg tør ikke ringe, men jeg vil gerne snakke.");
    private static final List<String> IN_EN = List.of(
            "Hi, can I write in English?",
            "I am not sure if this is the right place to ask.");
    private static final List<String> OUT = List.of(
            "Hej, godt du skriver. Du bestemmer selv, hvad du vil fortælle, og hvornår.",
            "Det er helt i orden. Skal vi ringe dig op på et tidspunkt, der passer dig?",
            "Jeg er her resten af aftenen, hvis du vil skrive mere.");
    /** The two waiting now write from numbers no closed conversation uses: one open conversation per number. */
    private static final int WAITING_FIRST = 98;

    private final DemoWrites w;
    private final DemoRota rota;
    private final ZoneId zone;
    private int conversations;

    DemoTexts(DemoWrites w, DemoRota rota, ZoneId zone) {
        this.w = w;
        this.rota = rota;
        this.zone = zone;
    }

    /** Conversations over {@code days} back from {@code now}; returns how many. */
    int write(Instant now, int days) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int back = days; back >= 1; back--) {
            int count = w.between(1, 3);
            for (int i = 0; i < count; i++) {
                Instant at = today.minusDays(back).atTime(LocalTime.of(w.between(9, 23), w.between(0, 59))).atZone(zone).toInstant();
                conversation(DemoNumbers.survivor(w.between(0, 45)), at, w.between(1, 3), true, now);
            }
        }
        conversation(DemoNumbers.of(WAITING_FIRST), now.minus(Duration.ofMinutes(95)), 1, false, now);
        conversation(DemoNumbers.of(WAITING_FIRST + 1), now.minus(Duration.ofMinutes(35)), 0, false, now);
        return conversations;
    }

    /**
     * {@code exchanges} texts back and forth from {@code at}; with {@code closed} it ends there,
     * else the survivor has the last word and it stays open.
     */
    private void conversation(PhoneNumber survivor, Instant at, int exchanges, boolean closed, Instant now) {
        String language = w.chance(0.15) ? "en" : "da";
        List<Leader> pair = rota.pair(at);
        Leader taker = rota.taker(at, language);
        long id = w.tx().createQuery("""
                INSERT INTO conversations (survivor_sealed, survivor_index, created_at, last_activity_at)
                VALUES (:sealed, :index, :at, :at) RETURNING id""")
                .bind("sealed", w.seal(survivor)).bind("index", w.index(survivor)).bind("at", at).mapTo(Long.class).one();
        for (Leader leader : pair) {
            w.tx().createUpdate("INSERT INTO conversation_leaders (conversation_id, leader_id) VALUES (:c, :l)")
                    .bind("c", id).bind("l", leader.id()).execute();
        }
        Instant t = at;
        for (int i = 0; i < exchanges; i++) {
            textIn(id, survivor, language, i == 0 ? pair : List.of(taker), t);
            t = t.plus(Duration.ofMinutes(w.between(3, 15)));
            textOut(id, survivor, taker, t);
            t = t.plus(Duration.ofMinutes(w.between(5, 30)));
        }
        if (exchanges > 0) {
            w.tx().createUpdate("UPDATE conversations SET leader_id = :leader WHERE id = :id")
                    .bind("leader", taker.id()).bind("id", id).execute();
        }
        if (closed) {
            w.tx().createUpdate("UPDATE conversations SET status = 'closed', closed_at = :closed, last_activity_at = :last WHERE id = :id")
                    .bind("closed", t.plus(Duration.ofHours(12))).bind("last", t).bind("id", id).execute();
        } else {
            Instant last = t.isBefore(now) ? t : now.minusSeconds(60);
            textIn(id, survivor, language, exchanges > 0 ? List.of(taker) : pair, last);
            w.tx().createUpdate("UPDATE conversations SET last_activity_at = :last WHERE id = :id")
                    .bind("last", last).bind("id", id).execute();
        }
        conversations++;
    }

    private void textIn(long conversation, PhoneNumber survivor, String language, List<Leader> to, Instant at) {
        String sid = w.received(false, at);
        String body = pick(language.equals("en") ? IN_EN : IN_DA);
        w.tx().createUpdate("""
                INSERT INTO conversation_messages (conversation_id, direction, body_sealed, message_sid, created_at, forwarded_at)
                VALUES (:c, 'in', :body, :sid, :at, :forwarded)""")
                .bind("c", conversation).bind("body", w.seal(body)).bind("sid", sid).bind("at", at)
                .bind("forwarded", at.plusSeconds(3)).execute();
        for (Leader leader : to) {
            w.sent(MessageKind.RELAY_IN, "relay-in", leader.phone(), "K" + conversation + ": " + body, at.plusSeconds(1));
        }
    }

    private void textOut(long conversation, PhoneNumber survivor, Leader leader, Instant at) {
        w.received(true, at);
        String body = pick(OUT);
        w.tx().createUpdate("""
                INSERT INTO conversation_messages (conversation_id, direction, body_sealed, leader_id, created_at)
                VALUES (:c, 'out', :body, :leader, :at)""")
                .bind("c", conversation).bind("body", w.seal(body)).bind("leader", leader.id()).bind("at", at).execute();
        w.sent(MessageKind.RELAY_OUT, "relay-out", survivor, body, at.plusSeconds(1));
    }

    private String pick(List<String> words) {
        return words.get(w.random().nextInt(words.size()));
    }
}
