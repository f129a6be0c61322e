package dk.hotline.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;

/** SQL for the outbox table. Times come from the service's clock, not the database's. */
@RegisterConstructorMapper(OutboxRow.class)
public interface OutboxDao {

    /** Returns the new row's id, or nothing when a row with this dedupe key exists already. */
    @SqlQuery("""
            INSERT INTO outbox (kind, dedupe_key, recipient_sealed, recipient_index, body_sealed, twiml_path,
                                not_before, created_at, updated_at)
            VALUES (:kind, :key, :recipientSealed, :recipientIndex, :bodySealed, :twimlPath, :notBefore, :now, :now)
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING id""")
    Optional<Long> insert(@Bind("kind") String kind, @Bind("key") String dedupeKey,
                          @Bind("recipientSealed") byte[] recipientSealed, @Bind("recipientIndex") byte[] recipientIndex,
                          @Bind("bodySealed") byte[] bodySealed, @Bind("twimlPath") String twimlPath,
                          @Bind("notBefore") Instant notBefore, @Bind("now") Instant now);

    /**
     * Serialises claiming across instances, so that counting the claims of the last second and
     * claiming within what is left of the shared rate happen as one step; released at commit.
     */
    @SqlQuery("SELECT pg_advisory_xact_lock(7270001)")
    String lockForClaim();

    /** Claims of the last second, whatever became of the rows since (index {@code outbox_claimed_at}). */
    @SqlQuery("SELECT count(*) FROM outbox WHERE claimed_at > :since")
    int claimedSince(@Bind("since") Instant since);

    /**
     * Claims up to {@code limit} due rows for the claim {@code token}: pending ones, and rows whose
     * claimant died before it could record the outcome (no status callback reconciled them within
     * the claim timeout).
     */
    @SqlQuery("""
            UPDATE outbox SET status = 'sending', claimed_at = :now, claim_token = :token, attempts = attempts + 1,
                              updated_at = :now
            WHERE id IN (
                SELECT id FROM outbox
                WHERE (status = 'pending' AND not_before <= :now)
                   OR (status = 'sending' AND claimed_at < :staleBefore)
                ORDER BY not_before, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            RETURNING id, kind, recipient_sealed, body_sealed, twiml_path, attempts, claim_token""")
    List<OutboxRow> claim(@Bind("now") Instant now, @Bind("staleBefore") Instant staleBefore, @Bind("limit") int limit,
                          @Bind("token") UUID token);

    // Each outcome below is written only while the row is still this claim's (id AND claim_token):
    // a row taken back by another instance after the claim timeout is that instance's to record.

    @SqlUpdate("""
            UPDATE outbox SET status = 'sent', twilio_sid = :sid, sent_at = :now, updated_at = :now,
                              error_code = NULL, error = NULL,
                              delivery_status = CASE WHEN delivery_rank = 0 THEN :deliveryStatus ELSE delivery_status END
            WHERE id = :id AND claim_token = :token AND status = 'sending'""")
    int markSent(@Bind("id") long id, @Bind("token") UUID token, @Bind("sid") String sid,
                 @Bind("deliveryStatus") String deliveryStatus, @Bind("now") Instant now);

    /**
     * Whether this claim's send is on record with this sid already: a status callback got there
     * first, or an earlier write of ours committed although its answer was lost.
     */
    @SqlQuery("SELECT count(*) > 0 FROM outbox WHERE id = :id AND claim_token = :token AND twilio_sid = :sid")
    boolean holdsSend(@Bind("id") long id, @Bind("token") UUID token, @Bind("sid") String sid);

    @SqlUpdate("""
            UPDATE outbox SET status = 'pending', not_before = :retryAt, error_code = :code, error = :error, updated_at = :now
            WHERE id = :id AND claim_token = :token AND status = 'sending'""")
    int markRetry(@Bind("id") long id, @Bind("token") UUID token, @Bind("retryAt") Instant retryAt,
                  @Bind("code") Integer code, @Bind("error") String error, @Bind("now") Instant now);

    /** As {@link #markRetry}, and gives back the attempt the claim counted: the refusal was not the row's fault. */
    @SqlUpdate("""
            UPDATE outbox SET status = 'pending', not_before = :retryAt, attempts = attempts - 1,
                              error_code = :code, error = :error, updated_at = :now
            WHERE id = :id AND claim_token = :token AND status = 'sending'""")
    int markRetryUncounted(@Bind("id") long id, @Bind("token") UUID token, @Bind("retryAt") Instant retryAt,
                           @Bind("code") Integer code, @Bind("error") String error, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE outbox SET status = 'failed', error_code = :code, error = :error, updated_at = :now
            WHERE id = :id AND claim_token = :token AND status = 'sending'""")
    int markFailed(@Bind("id") long id, @Bind("token") UUID token, @Bind("code") Integer code,
                   @Bind("error") String error, @Bind("now") Instant now);

    /**
     * Records a delivery status from Twilio. Callbacks can arrive out of order, so a status only
     * replaces one of lower rank. A callback for a row not yet marked sent (its sender died
     * after Twilio accepted it) settles the row as sent, so it is not sent again.
     */
    @SqlUpdate("""
            UPDATE outbox SET delivery_status = :status, delivery_rank = :rank, updated_at = :now,
                              twilio_sid = COALESCE(twilio_sid, :sid),
                              status = CASE WHEN status IN ('sending', 'pending') THEN 'sent' ELSE status END,
                              sent_at = COALESCE(sent_at, :now),
                              error_code = COALESCE(:code, error_code)
            WHERE (twilio_sid = :sid OR (twilio_sid IS NULL AND id = :outboxId))
              AND delivery_rank < :rank""")
    int recordDelivery(@Bind("sid") String sid, @Bind("outboxId") Long outboxId, @Bind("status") String status,
                       @Bind("rank") int rank, @Bind("code") Integer code, @Bind("now") Instant now);
}
