package dk.hotline.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the outbox table. Times come from the service's clock, not the database's. */
@RegisterConstructorMapper(OutboxRow.class)
interface OutboxDao {

    /** Returns the new row's id, or nothing when a row with this dedupe key exists already. */
    @SqlQuery("""
            INSERT INTO outbox (kind, message_kind, dedupe_key, recipient_sealed, recipient_index, body_sealed, twiml_path,
                                not_before, not_after, bypass_opt_out, created_at, updated_at)
            VALUES (:kind, :messageKind, :key, :recipientSealed, :recipientIndex, :bodySealed, :twimlPath, :notBefore, :notAfter,
                    :bypassOptOut, :now, :now)
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING id""")
    Optional<Long> insert(@Bind("kind") String kind, @Bind("messageKind") String messageKind, @Bind("key") String dedupeKey,
                          @Bind("recipientSealed") byte[] recipientSealed, @Bind("recipientIndex") byte[] recipientIndex,
                          @Bind("bodySealed") byte[] bodySealed, @Bind("twimlPath") String twimlPath,
                          @Bind("notBefore") Instant notBefore, @Bind("notAfter") Instant notAfter,
                          @Bind("bypassOptOut") boolean bypassOptOut, @Bind("now") Instant now);

    /** Cancels pending rows whose last moment has passed (a retry that came too late included). */
    @SqlUpdate("""
            UPDATE outbox SET status = 'cancelled', error = 'too late', updated_at = :now
            WHERE status = 'pending' AND not_after IS NOT NULL AND not_after <= :now""")
    int cancelExpired(@Bind("now") Instant now);

    /**
     * Serialises claiming across instances, so that counting the claims of the last second and
     * claiming within what is left of the shared rate happen as one step; released at commit.
     */
    @SqlQuery("SELECT pg_advisory_xact_lock(7270001)")
    String lockForClaim();

    /** Claims since a moment, and the oldest of them (null when none). */
    record Window(int claims, Instant oldest) {}

    /** Claims of the last second, whatever became of the rows since (index {@code outbox_claimed_at}). */
    @SqlQuery("SELECT count(*) AS claims, min(claimed_at) AS oldest FROM outbox WHERE claimed_at > :since")
    @RegisterConstructorMapper(Window.class)
    Window claimedSince(@Bind("since") Instant since);

    /**
     * Claims up to {@code limit} due rows for the claim {@code token}: pending ones, and rows whose
     * claimant died before it could record the outcome (no status callback reconciled them within
     * the claim timeout), except those whose claim token this instance still has in flight
     * ({@code ownInFlight}: a slow send, or a clock moved on, must not have it send a row twice).
     * A text to a number that opted out is never claimed (unless it is the confirmation of that
     * STOP): {@link #cancelOptedOut}, run first, settles those among the next rows due, and the
     * last line keeps out any it could not reach, checking only the rows picked.
     * A row taken back that way may have reached Twilio before its claimant died: it keeps, in
     * {@code outcome_unknown_since}, when that attempt began, so its sender asks Twilio first.
     * One number's texts go out one at a time, in the order they were queued: a row waits while an
     * earlier row to the same number is due, being sent, or waiting for a retry, so a conversation or a long text split in
     * parts never arrives out of order. Only the next 100 due rows are considered, each branch
     * read in index order (V36), so a round's cost does not grow with the backlog.
     */
    @SqlQuery("""
            UPDATE outbox SET status = 'sending', claimed_at = :now, claim_token = :token, attempts = attempts + 1,
                              outcome_unknown_since = CASE WHEN status = 'sending'
                                                           THEN COALESCE(outcome_unknown_since, claimed_at)
                                                           ELSE outcome_unknown_since END,
                              updated_at = :now
            WHERE id IN (
                SELECT o.id FROM (
                    SELECT id FROM (
                        (SELECT id, not_before FROM outbox WHERE status = 'pending' AND not_before <= :now
                         ORDER BY not_before, id LIMIT 100)
                        UNION ALL
                        (SELECT id, not_before FROM outbox WHERE status = 'sending' AND claimed_at < :staleBefore
                           AND claim_token <> ALL (:ownInFlight)
                         ORDER BY not_before, id LIMIT 100)) due
                    ORDER BY not_before, id
                    LIMIT 100) next
                JOIN outbox o ON o.id = next.id
                WHERE NOT EXISTS (SELECT 1 FROM outbox e
                                  WHERE e.recipient_index = o.recipient_index AND e.id < o.id
                                    AND (e.status = 'sending'
                                         OR (e.status = 'pending' AND (e.not_before <= :now OR e.attempts > 0))))
                ORDER BY o.not_before, o.id
                LIMIT :limit
                FOR UPDATE OF o SKIP LOCKED)
              AND (kind <> 'sms' OR bypass_opt_out
                   OR NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.phone_index = outbox.recipient_index))
            RETURNING id, kind, recipient_sealed, body_sealed, twiml_path, attempts, claim_token, outcome_unknown_since""")
    List<OutboxRow> claim(@Bind("now") Instant now, @Bind("staleBefore") Instant staleBefore,
                          @Bind("ownInFlight") UUID[] ownInFlight, @Bind("limit") int limit, @Bind("token") UUID token);

    /**
     * Cancels the texts to opted-out numbers among the first {@code window} rows a claim would
     * look at. Bounded, and each branch read in index order, so a long backlog costs no more than
     * a short one; rows further back are reached as the queue moves. Returns how many were cancelled.
     * The ids come first, as an array, and the rows are then found by id; the re-check of their
     * state is kept from any index ({@code IS TRUE}): right after a burst of inserts (a support
     * group's reminders) the table's statistics still say it is small, and the planner then read
     * every due row and joined them to the window's (98 ms a round in the benchmark, 0.5 ms so).
     * A row another transaction is writing (a send's outcome, a status callback) is waited for,
     * briefly, instead of skipped.
     */
    @SqlUpdate("""
            UPDATE outbox SET status = 'cancelled', error_code = NULL, error = 'recipient opted out', updated_at = :now
            WHERE id = ANY (ARRAY(
                    SELECT id FROM (
                        SELECT id, recipient_index, kind, bypass_opt_out FROM (
                            (SELECT id, not_before, recipient_index, kind, bypass_opt_out FROM outbox
                             WHERE status = 'pending' AND not_before <= :now ORDER BY not_before, id LIMIT :window)
                            UNION ALL
                            (SELECT id, not_before, recipient_index, kind, bypass_opt_out FROM outbox
                             WHERE status = 'sending' AND claimed_at < :staleBefore AND claim_token <> ALL (:ownInFlight)
                             ORDER BY not_before, id LIMIT :window)) next
                        ORDER BY not_before, id
                        LIMIT :window) due
                    WHERE kind = 'sms' AND NOT bypass_opt_out
                      AND EXISTS (SELECT 1 FROM suppressions s WHERE s.phone_index = due.recipient_index)))
              AND ((status = 'pending' AND not_before <= :now)
                   OR (status = 'sending' AND claimed_at < :staleBefore AND claim_token <> ALL (:ownInFlight))) IS TRUE""")
    int cancelOptedOut(@Bind("now") Instant now, @Bind("staleBefore") Instant staleBefore,
                       @Bind("ownInFlight") UUID[] ownInFlight, @Bind("window") int window);

    // Each outcome below is written only while the row is still this claim's (id AND claim_token):
    // a row taken back by another instance after the claim timeout is that instance's to record.

    /** {@code outcomeUnknown}: no answer came, so Twilio may have taken this attempt (see {@link #claim}). */
    @SqlUpdate("""
            UPDATE outbox SET status = 'pending', not_before = :retryAt, error_code = :code, error = :error, updated_at = :now,
                              outcome_unknown_since = CASE WHEN :outcomeUnknown THEN COALESCE(outcome_unknown_since, claimed_at)
                                                           ELSE outcome_unknown_since END
            WHERE id = :id AND claim_token = :token AND status = 'sending'""")
    int markRetry(@Bind("id") long id, @Bind("token") UUID token, @Bind("retryAt") Instant retryAt,
                  @Bind("code") Integer code, @Bind("error") String error, @Bind("outcomeUnknown") boolean outcomeUnknown,
                  @Bind("now") Instant now);

    /**
     * Which of {@code sids} other rows hold: a match Twilio finds for a row's earlier attempt may be
     * another row's text with the same words, and is then not this row's.
     */
    @SqlQuery("SELECT twilio_sid FROM outbox WHERE twilio_sid IN (<sids>) AND id <> :id")
    List<String> sidsOfOtherRows(@BindList("sids") List<String> sids, @Bind("id") long id);

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
