package dk.hotline.voice;

import dk.hotline.privacy.DataSubject;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.SubjectErasure;
import dk.hotline.privacy.SubjectExport;
import dk.hotline.privacy.SubjectRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/**
 * The calls' part of a data subject's requests: the calls from the number (times, outcome, the
 * leader who answered) and their voicemails. Erasing makes each call forget its caller (the row
 * stays, counted by the statistics), deletes the answers kept for Twilio's retries that belong to
 * those calls or that hold the number (a callback's {@code <Dial>}: opened one by one, they are
 * kept a day only), and deletes the voicemail recordings at Twilio once the erasure has committed
 * (marked discarded first, so one Twilio would not delete now is retention's to retry).
 */
final class CallSubjectRecords implements SubjectRecords {
    private final PersonalDataCipher cipher;
    private final Predicate<String> deleteRecording;
    private final Clock clock;

    /** @param deleteRecording deletes a recording at Twilio by its sid; true when it is gone there */
    CallSubjectRecords(PersonalDataCipher cipher, Predicate<String> deleteRecording, Clock clock) {
        this.cipher = cipher;
        this.deleteRecording = deleteRecording;
        this.clock = clock;
    }

    record Call(String callSid, Instant arrivedAt, Instant answeredAt, Instant endedAt, Integer durationSecs, String outcome,
                String language, String menuPath, Long answeredBy, List<Voicemail> voicemails) {}

    record Voicemail(long id, Instant at, Integer durationSecs, Instant heardAt, boolean deleted) {}

    @Override
    public Set<String> tables() {
        return Set.of("calls", "voice_replies", "voicemails");
    }

    @Override
    public void find(Handle tx, DataSubject subject, SubjectExport export) {
        List<Call> calls = subject.bindIndexes(tx.createQuery("""
                SELECT call_sid, arrived_at, answered_at, ended_at, duration_secs, outcome, language, menu_path, answered_by
                FROM calls WHERE caller_index IN (<indexes>) ORDER BY arrived_at, call_sid"""))
                .map((rs, ctx) -> new Call(rs.getString("call_sid"), instant(rs, "arrived_at"), instant(rs, "answered_at"),
                        instant(rs, "ended_at"), (Integer) rs.getObject("duration_secs"), rs.getString("outcome"),
                        rs.getString("language"), rs.getString("menu_path"), (Long) rs.getObject("answered_by"),
                        voicemails(tx, rs.getString("call_sid"))))
                .list();
        export.add("calls", calls);
        export.leaders(calls.stream().map(Call::answeredBy).toList());
    }

    private static List<Voicemail> voicemails(Handle tx, String callSid) {
        return tx.createQuery("""
                SELECT id, created_at, duration_secs, heard_at, deleted_at FROM voicemails
                WHERE call_sid = :sid AND NOT discarded ORDER BY id""")
                .bind("sid", callSid)
                .map((rs, ctx) -> new Voicemail(rs.getLong("id"), instant(rs, "created_at"), (Integer) rs.getObject("duration_secs"),
                        instant(rs, "heard_at"), rs.getObject("deleted_at") != null))
                .list();
    }

    @Override
    public void erase(Handle tx, DataSubject subject, SubjectErasure erasure) {
        List<String> sids = subject.bindIndexes(tx.createQuery("SELECT call_sid FROM calls WHERE caller_index IN (<indexes>)"))
                .mapTo(String.class).list();
        List<String> recordings = tx.createQuery("""
                UPDATE voicemails SET discarded = TRUE WHERE call_sid = ANY(:sids) AND deleted_at IS NULL
                RETURNING recording_sid""")
                .bindArray("sids", String.class, sids).mapTo(String.class).list();
        int replies = tx.createUpdate("DELETE FROM voice_replies WHERE call_sid = ANY(:sids)")
                .bindArray("sids", String.class, sids).execute();
        replies += holdingTheNumber(tx, subject);
        int calls = subject.bindIndexes(tx.createUpdate("""
                UPDATE calls SET caller_sealed = NULL, caller_index = NULL WHERE caller_index IN (<indexes>)""")).execute();
        erasure.erased("calls", calls);
        erasure.erased("voicemails", recordings.size());
        erasure.erased("voice_replies", replies);
        for (String recording : recordings) {
            erasure.afterCommit(() -> {
                if (deleteRecording.test(recording)) {
                    tx.getJdbi().useHandle(h -> h.createUpdate("""
                            UPDATE voicemails SET deleted_at = :now WHERE recording_sid = :sid AND deleted_at IS NULL""")
                            .bind("sid", recording).bind("now", clock.instant()).execute());
                }
            });
        }
    }

    /** Deletes the stored answers (a day's worth at most) whose TwiML holds the number, e.g. a callback's dial. */
    private int holdingTheNumber(Handle tx, DataSubject subject) {
        record Reply(String callSid, String requestKey, byte[] sealed) {}
        List<Reply> replies = tx.createQuery("SELECT call_sid, request_key, reply_sealed FROM voice_replies FOR UPDATE")
                .map((rs, ctx) -> new Reply(rs.getString("call_sid"), rs.getString("request_key"), rs.getBytes("reply_sealed")))
                .list();
        var holding = new ArrayList<Reply>();
        for (Reply reply : replies) {
            if (cipher.open(reply.sealed()).contains(subject.number().e164())) {
                holding.add(reply);
            }
        }
        for (Reply reply : holding) {
            tx.createUpdate("DELETE FROM voice_replies WHERE call_sid = :c AND request_key = :k")
                    .bind("c", reply.callSid()).bind("k", reply.requestKey()).execute();
        }
        return holding.size();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var at = rs.getObject(column, java.time.OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
