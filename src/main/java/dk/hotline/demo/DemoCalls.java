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
 * A month of calls into the call log as the voice feature leaves them: answered by the leaders on
 * call, missed (no answer, hung up waiting), out of hours, ended in the menu, on the fallback
 * number, and callback requests (the last two days' still open, so the Callbacks page and Today
 * have work), with the offers that rang each leader and the notes some leaders wrote after.
 */
final class DemoCalls {
    /** Hours calls come in at, evenings weighted as a helpline's are. */
    private static final int[] HOURS = {8, 10, 11, 13, 14, 16, 17, 18, 19, 19, 20, 20, 21, 21, 22, 22, 23, 0, 1};
    private static final String[] PREFERRED = {"asap", "morning", "afternoon", "evening"};
    private static final List<String> NOTES = List.of(
            "Lyttede. Hun vil tænke over at komme i en gruppe; ringer igen, hvis hun får brug for det.",
            "Talte om at finde et sted at bo midlertidigt. Fik navne på steder, hun selv kan kontakte.",
            "Kort opkald; ville høre, hvordan grupperne foregår. Fortalt om onsdagsholdet.",
            "Ringede efter en svær aften. Ingen akut fare. Aftalt, at hun skriver, hvis det bliver værre.",
            "Caller asked in English about the groups; told her about the Thursday group.");

    private final DemoWrites w;
    private final DemoRota rota;
    private final ZoneId zone;
    private final List<Long> noteCategories;
    private final long coordinatorAccount;
    private int calls;
    private int notes;

    DemoCalls(DemoWrites w, DemoRota rota, ZoneId zone, List<Long> noteCategories, long coordinatorAccount) {
        this.w = w;
        this.rota = rota;
        this.zone = zone;
        this.noteCategories = noteCategories;
        this.coordinatorAccount = coordinatorAccount;
    }

    record Written(int calls, int notes) {}

    /** {@code days} back from {@code now}, then a few of the last hours that Today shows as missed and waiting. */
    Written write(Instant now, int days) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int back = days; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            int count = w.between(3, 7);
            for (int i = 0; i < count; i++) {
                Instant at = day.atTime(LocalTime.of(HOURS[w.random().nextInt(HOURS.length)], w.between(0, 59)))
                        .atZone(zone).toInstant();
                if (at.isBefore(now.minus(Duration.ofHours(6)))) {
                    call(at, outcome(), now);
                }
            }
        }
        call(now.minus(Duration.ofMinutes(320)), "abandoned-queue", now);
        call(now.minus(Duration.ofMinutes(190)), "no-answer", now);
        call(now.minus(Duration.ofMinutes(130)), "callback-requested", now);
        call(now.minus(Duration.ofMinutes(75)), "answered", now);
        call(now.minus(Duration.ofMinutes(25)), "callback-requested", now);
        return new Written(calls, notes);
    }

    private String outcome() {
        double r = w.random().nextDouble();
        return r < 0.60 ? "answered" : r < 0.68 ? "no-answer" : r < 0.73 ? "abandoned-queue" : r < 0.76 ? "abandoned-ringing"
                : r < 0.80 ? "abandoned-menu" : r < 0.85 ? "out-of-hours" : r < 0.94 ? "callback-requested" : "fallback-number";
    }

    private void call(Instant arrived, String outcome, Instant now) {
        String sid = w.sid("CA");
        String language = w.chance(0.15) ? "en" : "da";
        PhoneNumber caller = DemoNumbers.survivor(w.between(0, 45));
        boolean menuOnly = outcome.equals("abandoned-menu");
        boolean rang = !menuOnly && !outcome.equals("out-of-hours");
        String menu = menuOnly ? "" : (language.equals("en") ? "9 " : "") + (outcome.equals("callback-requested") ? "3" : "1");
        Instant ring = rang ? arrived.plusSeconds(w.between(8, 20)) : null;
        Instant queued = outcome.equals("abandoned-queue") || outcome.equals("answered") && w.chance(0.2)
                ? ring.plusSeconds(30) : null;
        Instant answered = outcome.equals("answered") ? (queued != null ? queued : ring).plusSeconds(w.between(4, 40)) : null;
        Instant ended = answered != null ? answered.plusSeconds(w.between(240, 2400)) : arrived.plusSeconds(w.between(25, 140));
        if (ended.isAfter(now)) {
            ended = now.minusSeconds(30);
        }
        Leader taker = rota.taker(arrived, language);
        w.tx().createUpdate("""
                INSERT INTO calls (call_sid, caller_sealed, caller_index, status, status_rank, duration_secs, arrived_at,
                                   updated_at, language, menu_path, outcome, answered_by, answered_at, queued_at,
                                   ring_started_at, ended_at)
                VALUES (:sid, :callerSealed, :callerIndex, 'completed', 5, :duration, :arrived, :ended, :language, :menu,
                        :outcome, :answeredBy, :answered, :queued, :ring, :ended)""")
                .bind("sid", sid).bind("callerSealed", w.seal(caller)).bind("callerIndex", w.index(caller))
                .bind("duration", (int) Duration.between(arrived, ended).toSeconds()).bind("arrived", arrived)
                .bind("language", language).bind("menu", menu).bind("outcome", outcome)
                .bind("answeredBy", answered == null ? null : taker.id()).bind("answered", answered).bind("queued", queued)
                .bind("ring", ring).bind("ended", ended)
                .execute();
        calls++;
        if (rang && !outcome.equals("fallback-number")) {
            for (Leader leader : rota.pair(arrived)) {
                boolean took = answered != null && leader.id() == taker.id();
                w.tx().createUpdate("""
                        INSERT INTO call_offers (call_sid, leader_id, kind, state, offered_at, accepted_at, ended_at)
                        VALUES (:sid, :leader, 'inbound', :state, :offered, :accepted, :ended)""")
                        .bind("sid", sid).bind("leader", leader.id()).bind("state", took ? "ended" : "missed")
                        .bind("offered", ring).bind("accepted", took ? answered : null)
                        .bind("ended", took ? ended : ring.plusSeconds(25))
                        .execute();
            }
        }
        if (outcome.equals("callback-requested")) {
            callback(sid, caller, language, ended, now);
        }
        if (answered != null && w.chance(0.3) && ended.plus(Duration.ofMinutes(3)).isBefore(now)) {
            note(sid, taker, ended.plus(Duration.ofMinutes(3)));
        }
    }

    /** Asked in the menu; told to the leaders on call by text; called back within hours, unless it was in the last two days. */
    private void callback(String callSid, PhoneNumber caller, String language, Instant at, Instant now) {
        boolean open = at.isAfter(now.minus(Duration.ofDays(2)));
        Instant done = open ? null : at.plus(Duration.ofMinutes(w.between(30, 300)));
        long id = w.tx().createQuery("""
                INSERT INTO callback_requests (call_sid, phone_sealed, phone_index, language, preferred_time, source, status,
                                               created_at, done_at, done_by, announced_at)
                VALUES (:sid, :sealed, :index, :language, :preferred, 'voice', :status, :at, :done, :doneBy, :at)
                RETURNING id""")
                .bind("sid", callSid).bind("sealed", w.seal(caller)).bind("index", w.index(caller)).bind("language", language)
                .bind("preferred", PREFERRED[w.random().nextInt(PREFERRED.length)]).bind("status", open ? "open" : "done")
                .bind("at", at).bind("done", done).bind("doneBy", open ? null : coordinatorAccount)
                .mapTo(Long.class).one();
        for (Leader leader : rota.pair(at)) {
            w.tx().createUpdate("INSERT INTO callback_notices (callback_request_id, leader_id, told_at) VALUES (:id, :leader, :at)")
                    .bind("id", id).bind("leader", leader.id()).bind("at", at).execute();
            w.sent(MessageKind.CALLBACK_REQUEST, "callback-requested", leader.phone(),
                    "Ny anmodning om at blive ringet op (#" + id + "). Se Tilbagekald i konsollen.", at);
        }
    }

    private void note(String callSid, Leader leader, Instant at) {
        long id = w.tx().createQuery("""
                INSERT INTO notes (leader_id, call_sid, body_sealed, created_at, updated_at)
                VALUES (:leader, :sid, :body, :at, :at) RETURNING id""")
                .bind("leader", leader.id()).bind("sid", callSid).bind("body", w.seal(NOTES.get(w.random().nextInt(NOTES.size()))))
                .bind("at", at).mapTo(Long.class).one();
        int first = w.random().nextInt(noteCategories.size());
        var categories = w.chance(0.4) ? List.of(first, (first + 1) % noteCategories.size()) : List.of(first);
        for (int c : categories) {
            w.tx().createUpdate("INSERT INTO note_category_links (note_id, category_id) VALUES (:note, :category)")
                    .bind("note", id).bind("category", noteCategories.get(c)).execute();
        }
        notes++;
    }
}
