package dk.hotline.outbox;

import dk.hotline.privacy.DataSubject;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.SubjectErasure;
import dk.hotline.privacy.SubjectExport;
import dk.hotline.privacy.SubjectRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The outbox's part of a data subject's requests: every text and call sent or to be sent to the
 * number (kind, status, times; the words only when asked), and whether it opted out. Erasing
 * cancels what is still queued and makes every row forget recipient and words (the rows stay, as
 * counts). The opt-out is kept: a STOP must hold for good, and the answer says so. It keeps the
 * number sealed beside its blind index, which a key rotation needs to move it to the new key's
 * index; without it the STOP would be lost once the old key is gone.
 */
final class OutboxSubjectRecords implements SubjectRecords {
    /** The error a cancelled row keeps: its reason reads "other". */
    static final String ERASED = "recipient erased";

    private final PersonalDataCipher cipher;
    private final Clock clock;

    OutboxSubjectRecords(PersonalDataCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A text or call to the number; {@code words} only when asked for (a call has none). */
    record Sent(long id, String kind, String channel, String status, Instant queuedAt, Instant sentAt, String deliveryStatus,
                String cancelReason, String words) {}

    record OptOut(boolean optedOut, Instant since) {}

    @Override
    public Set<String> tables() {
        return Set.of("outbox", "suppressions");
    }

    @Override
    public void find(Handle tx, DataSubject subject, SubjectExport export) {
        List<Sent> sent = subject.bindIndexes(tx.createQuery("SELECT r.*, o.body_sealed, o.kind FROM ("
                        + OutboxLogDao.ROWS + " WHERE recipient_index IN (<indexes>)) r JOIN outbox o ON o.id = r.id ORDER BY r.id"))
                .map((rs, ctx) -> {
                    byte[] body = rs.getBytes("body_sealed");
                    return new Sent(rs.getLong("id"), rs.getString("message_kind"), rs.getString("kind"), rs.getString("state"),
                            instant(rs, "created_at"), instant(rs, "sent_at"), rs.getString("delivery_status"),
                            rs.getString("cancel_reason"), export.words() && body != null ? cipher.open(body) : null);
                })
                .list();
        export.add("sent", sent);
        export.state("optOut", subject.bindIndexes(tx.createQuery(
                        "SELECT min(created_at) AS since FROM suppressions WHERE phone_index IN (<indexes>)"))
                .map((rs, ctx) -> {
                    Instant since = instant(rs, "since");
                    return new OptOut(since != null, since);
                })
                .one());
    }

    @Override
    public void erase(Handle tx, DataSubject subject, SubjectErasure erasure) {
        subject.bindIndexes(tx.createUpdate("""
                UPDATE outbox SET status = 'cancelled', error_code = NULL, error = :erased, updated_at = :now
                WHERE recipient_index IN (<indexes>) AND status = 'pending'"""))
                .bind("erased", ERASED).bind("now", clock.instant()).execute();
        erasure.erased("sent", subject.bindIndexes(tx.createUpdate("""
                UPDATE outbox SET recipient_sealed = NULL, recipient_index = NULL, body_sealed = NULL
                WHERE recipient_index IN (<indexes>)""")).execute());
        boolean optedOut = subject.bindIndexes(tx.createQuery(
                "SELECT EXISTS (SELECT 1 FROM suppressions WHERE phone_index IN (<indexes>))")).mapTo(Boolean.class).one();
        if (optedOut) {
            erasure.kept("opt-out");
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
