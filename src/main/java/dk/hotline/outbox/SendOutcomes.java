package dk.hotline.outbox;

import dk.hotline.db.Jdbc;
import dk.hotline.twilio.SendResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's bookkeeping, kept apart from talking to Twilio: writes what became of each
 * send. Every write holds only while the row still carries the claim's token.
 *
 * <p>A send Twilio accepted is the outcome that must not be lost or turned into a failure: its
 * write is tried a few times at once, then again at the start of every round with the sid kept in
 * memory, until it lands or the row is no longer this claim's. Should the instance die first, the
 * status callback (which carries the outbox id) settles the row as sent.
 *
 * <p>Longer than 200 lines because every outcome (accepted, retry later, failed for good, unknown)
 * is written under the same claim-token check and counted the same way, and a call given up on
 * tells its listeners in that same transaction: one bookkeeping, kept in one place.
 */
final class SendOutcomes {
    private static final Logger log = LoggerFactory.getLogger(SendOutcomes.class);
    private static final int SENT_WRITE_TRIES = 3;
    private static final Duration SENT_WRITE_PAUSE = Duration.ofMillis(100);
    private static final int MAX_ERROR = 500;

    /** {@code recovered}: found at Twilio from an earlier attempt rather than accepted now. */
    private record Accepted(OutboxRow row, SendResult result, boolean recovered) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Queue<Accepted> unrecorded = new ConcurrentLinkedQueue<>();
    private final List<CallGivenUpListener> callGivenUpListeners = new CopyOnWriteArrayList<>();

    SendOutcomes(Jdbi jdbi, Clock clock, MeterRegistry metrics) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Twilio accepted the row's text or call. */
    void sent(OutboxRow row, SendResult result) {
        accepted(new Accepted(row, result, false));
    }

    /**
     * Twilio has the row's text or call from an earlier attempt whose outcome was never recorded:
     * the row is sent, as surely as one Twilio has just accepted.
     */
    void recovered(OutboxRow row, SendResult result) {
        accepted(new Accepted(row, result, true));
    }

    private void accepted(Accepted accepted) {
        OutboxRow row = accepted.row();
        SendResult result = accepted.result();
        for (int tries = 1; ; tries++) {
            try {
                writeSent(accepted);
                return;
            } catch (RuntimeException e) {
                if (tries == SENT_WRITE_TRIES || !pause(SENT_WRITE_PAUSE.multipliedBy(tries))) {
                    unrecorded.add(accepted);
                    log.error("event=outbox.sent_not_recorded id={} kind={} sid={} error={} note=\"kept in memory, "
                            + "written in a later round\"", row.id(), row.kind(), result.sid(), e.getClass().getSimpleName());
                    return;
                }
            }
        }
    }

    /** Writes accepted sends that could not be written before. Cheap when there are none. */
    void retryUnrecorded() {
        for (int left = unrecorded.size(); left > 0; left--) {
            Accepted accepted = unrecorded.poll();
            if (accepted == null) {
                return;
            }
            try {
                writeSent(accepted);
            } catch (RuntimeException e) {
                // Still no database: the rest would fail alike. Next round.
                unrecorded.add(accepted);
                return;
            }
        }
    }

    /** At shutdown: what is still unwritten is left to the status callbacks; say which. */
    void abandonUnrecorded() {
        retryUnrecorded();
        for (Accepted a : unrecorded) {
            log.error("event=outbox.sent_not_recorded id={} kind={} sid={} note=\"left to the status callback\"",
                    a.row().id(), a.row().kind(), a.result().sid());
        }
        unrecorded.clear();
    }

    /** {@code outcomeUnknown}: Twilio may have taken this attempt, so the next one asks it first. */
    void retry(OutboxRow row, int http, Integer code, String message, Instant retryAt, boolean outcomeUnknown) {
        Instant now = clock.instant();
        if (write(row, "retry", tx -> tx.attach(OutboxDao.class).markRetry(row.id(), row.claimToken(), retryAt, code, shorten(message),
                outcomeUnknown, now))) {
            metrics.counter("hotline_outbox_retried_total", "kind", row.kind()).increment();
            log.warn("event=outbox.retry id={} kind={} attempt={} http={} code={} outcome_unknown={} retry_at={}",
                    row.id(), row.kind(), row.attempts(), http, code, outcomeUnknown, retryAt);
        }
    }

    /** Twilio refused our credentials: the row waits for them to be fixed, its attempt not counted. */
    void authRefused(OutboxRow row, Integer code, String message, Instant retryAt) {
        Instant now = clock.instant();
        if (write(row, "retry", tx -> tx.attach(OutboxDao.class).markRetryUncounted(row.id(), row.claimToken(), retryAt, code,
                shorten(message), now))) {
            metrics.counter("hotline_outbox_auth_failed_total", "kind", row.kind()).increment();
            log.error("event=outbox.twilio_auth_failed id={} kind={} http=401 code={} retry_at={} "
                    + "note=\"check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN\"", row.id(), row.kind(), code, retryAt);
        }
    }

    void onCallGivenUp(CallGivenUpListener listener) {
        callGivenUpListeners.add(listener);
    }

    /**
     * The outbox gives up on the row. For a call, its listeners are told in the same transaction,
     * so the row is never failed while what waited for the call still waits.
     */
    void failed(OutboxRow row, int http, Integer code, String message, boolean retryable) {
        Instant now = clock.instant();
        boolean call = row.channel() == MessageKind.Channel.CALL;
        if (write(row, "failed", tx -> {
            int changed = tx.attach(OutboxDao.class).markFailed(row.id(), row.claimToken(), code, shorten(message), now);
            if (changed == 1 && call) {
                callGivenUpListeners.forEach(listener -> listener.callGivenUp(tx, row.id()));
            }
            return changed;
        })) {
            metrics.counter("hotline_outbox_failed_total", "kind", row.kind()).increment();
            log.warn("event=outbox.failed id={} kind={} attempt={} http={} code={} retryable={}",
                    row.id(), row.kind(), row.attempts(), http, code, retryable);
        }
    }

    private void writeSent(Accepted accepted) {
        OutboxRow row = accepted.row();
        SendResult result = accepted.result();
        Instant now = clock.instant();
        // One statement, no transaction around it: the write a send waits for is one round trip.
        boolean recorded = jdbi.withHandle(h -> markSent(h, row.id(), row.claimToken(), result.sid(), result.status(), now) == 1
                || holdsSend(h, row.id(), row.claimToken(), result.sid()));
        if (!recorded) {
            claimLost(row, "sent");
        } else if (accepted.recovered()) {
            metrics.counter("hotline_outbox_recovered_total", "kind", row.kind()).increment();
            log.info("event=outbox.recovered id={} kind={} attempt={} sid={} note=\"Twilio had it from an earlier "
                    + "attempt; not sent again\"", row.id(), row.kind(), row.attempts(), result.sid());
        } else {
            metrics.counter("hotline_outbox_sent_total", "kind", row.kind()).increment();
            log.info("event=outbox.sent id={} kind={} attempt={} sid={}", row.id(), row.kind(), row.attempts(), result.sid());
        }
    }

    /** Records the claim's accepted send; 0 when the row is no longer this claim's (or is recorded already). */
    static int markSent(Handle h, long id, UUID token, String sid, String deliveryStatus, Instant now) {
        return Jdbc.update(h, """
                UPDATE outbox SET status = 'sent', twilio_sid = ?, sent_at = ?, updated_at = ?, error_code = NULL, error = NULL,
                                  delivery_status = CASE WHEN delivery_rank = 0 THEN ? ELSE delivery_status END
                WHERE id = ? AND claim_token = ? AND status = 'sending'""", sid, now, now, deliveryStatus, id, token);
    }

    /**
     * Whether this claim's send is on record with this sid already: a status callback got there
     * first, or an earlier write of ours committed although its answer was lost.
     */
    private static boolean holdsSend(Handle h, long id, UUID token, String sid) {
        return Jdbc.first(h, "SELECT 1 FROM outbox WHERE id = ? AND claim_token = ? AND twilio_sid = ?", rs -> true, id, token, sid)
                .isPresent();
    }

    /**
     * A write for a send Twilio did not take. If it fails the row stays 'sending' and is taken up
     * again after the claim timeout, which is right: nothing went out.
     */
    private boolean write(OutboxRow row, String outcome, ToIntFunction<Handle> update) {
        try {
            if (jdbi.inTransaction(update::applyAsInt) == 1) {
                return true;
            }
            claimLost(row, outcome);
        } catch (RuntimeException e) {
            log.error("event=outbox.outcome_not_recorded id={} kind={} outcome={} error={}",
                    row.id(), row.kind(), outcome, e.getClass().getSimpleName());
        }
        return false;
    }

    /** Another instance took the row back after the claim timeout, or a status callback settled it. */
    private static void claimLost(OutboxRow row, String outcome) {
        log.warn("event=outbox.claim_lost id={} kind={} outcome={} note=\"the row is no longer this claim's; not recorded\"",
                row.id(), row.kind(), outcome);
    }

    private static String shorten(String message) {
        return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
    }

    private static boolean pause(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
