package dk.hotline.outbox;

import dk.hotline.twilio.SendResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the sends Twilio accepted, many rows in one transaction: each send thread queues its
 * outcome, and whichever thread finds no write under way writes everything queued so far, until
 * nothing is left. One connection and one commit serve a whole batch instead of one per row, and a
 * send thread never waits for another's write unless it is the one writing. Every row is written
 * only while it still carries the claim's token.
 *
 * <p>An accepted send is the outcome that must not be lost or turned into a failure: a batch
 * whose write fails is tried a few times at once, then each of its rows again, one by one, at the
 * start of every round with the sid kept in memory, until it lands or the row is no longer this
 * claim's. Should the instance die first, the status callback (which carries the outbox id)
 * settles the row as sent.
 */
final class AcceptedSends {
    private static final Logger log = LoggerFactory.getLogger(AcceptedSends.class);
    private static final int WRITE_TRIES = 3;
    private static final Duration WRITE_PAUSE = Duration.ofMillis(100);
    /** Rows in one write; bounds a statement's size when many sends finish at once. */
    static final int MAX_BATCH = 200;

    /** {@code recovered}: found at Twilio from an earlier attempt rather than accepted now. */
    record Accepted(OutboxRow row, SendResult result, boolean recovered) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Queue<Accepted> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    private final Queue<Accepted> unrecorded = new ConcurrentLinkedQueue<>();

    AcceptedSends(Jdbi jdbi, Clock clock, MeterRegistry metrics) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Queues the send for the next batch; writes batches itself while no other thread does. A
     * thread that finds a write under way returns at once: the writer looks at the queue again
     * after it lets go, so nothing queued is left behind.
     */
    void add(Accepted accepted) {
        queued.add(accepted);
        while (!queued.isEmpty() && writing.tryLock()) {
            try {
                List<Accepted> batch = new ArrayList<>();
                for (Accepted next; batch.size() < MAX_BATCH && (next = queued.poll()) != null; ) {
                    batch.add(next);
                }
                if (!batch.isEmpty()) {
                    writeBatch(batch);
                }
            } finally {
                writing.unlock();
            }
        }
    }

    private void writeBatch(List<Accepted> batch) {
        for (int tries = 1; ; tries++) {
            try {
                Set<SentClaim> recorded = write(batch);
                batch.forEach(a -> settled(a, recorded.contains(SentClaim.of(a.row()))));
                return;
            } catch (RuntimeException e) {
                if (tries == WRITE_TRIES || !pause(WRITE_PAUSE.multipliedBy(tries))) {
                    for (Accepted a : batch) {
                        unrecorded.add(a);
                        log.error("event=outbox.sent_not_recorded id={} kind={} sid={} error={} note=\"kept in memory, "
                                + "written in a later round\"", a.row().id(), a.row().kind(), a.result().sid(),
                                e.getClass().getSimpleName());
                    }
                    return;
                }
            }
        }
    }

    /** Writes accepted sends that could not be written before, one by one. Cheap when there are none. */
    void retryUnrecorded() {
        for (int left = unrecorded.size(); left > 0; left--) {
            Accepted accepted = unrecorded.poll();
            if (accepted == null) {
                return;
            }
            try {
                // Alone: a row that cannot be written must not hold back the others.
                settled(accepted, write(List.of(accepted)).contains(SentClaim.of(accepted.row())));
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

    /**
     * Marks the batch sent in one transaction; returns the claims on record with their sid, which
     * includes any a status callback (or an earlier write whose answer was lost) recorded first.
     */
    private Set<SentClaim> write(List<Accepted> batch) {
        int n = batch.size();
        long[] ids = new long[n];
        UUID[] tokens = new UUID[n];
        String[] sids = new String[n];
        String[] statuses = new String[n];
        for (int i = 0; i < n; i++) {
            Accepted a = batch.get(i);
            ids[i] = a.row().id();
            tokens[i] = a.row().claimToken();
            sids[i] = a.result().sid();
            statuses[i] = a.result().status();
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(OutboxDao.class);
            Set<SentClaim> recorded = new HashSet<>(dao.markSentAll(ids, tokens, sids, statuses, now));
            for (Accepted a : batch) {
                SentClaim claim = SentClaim.of(a.row());
                if (!recorded.contains(claim) && dao.holdsSend(claim.id(), claim.claimToken(), a.result().sid())) {
                    recorded.add(claim);
                }
            }
            return recorded;
        });
    }

    private void settled(Accepted accepted, boolean recorded) {
        OutboxRow row = accepted.row();
        if (!recorded) {
            SendOutcomes.claimLost(row, "sent");
        } else if (accepted.recovered()) {
            metrics.counter("hotline_outbox_recovered_total", "kind", row.kind()).increment();
            log.info("event=outbox.recovered id={} kind={} attempt={} sid={} note=\"Twilio had it from an earlier "
                    + "attempt; not sent again\"", row.id(), row.kind(), row.attempts(), accepted.result().sid());
        } else {
            metrics.counter("hotline_outbox_sent_total", "kind", row.kind()).increment();
            log.info("event=outbox.sent id={} kind={} attempt={} sid={}", row.id(), row.kind(), row.attempts(),
                    accepted.result().sid());
        }
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

    /** A row as one claim held it: the same row claimed again later is another claim. */
    record SentClaim(long id, UUID claimToken) {
        static SentClaim of(OutboxRow row) {
            return new SentClaim(row.id(), row.claimToken());
        }
    }
}
